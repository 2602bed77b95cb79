-- Full-text search over the readers' copy of every session's notes: PostgreSQL's own text search,
-- the counterpart of the SQLite FTS5 table of prisma/migrations/20261201090000_search (same rows:
-- one per block keyed by its anchor, plus one per session with blockId '' whose "version" records
-- which NotesDocument.updatedAt was indexed). Not a Prisma model: written and read with SQL by
-- server/data/postgres-search-index.ts; server/db/schema-drift-postgres.test.ts skips it by name.
-- Only speaker and text are searchable (the generated "document"); English stemming lets "measuring"
-- find "measure". Unlike FTS5's remove_diacritics, accents are not folded (unaccent is not immutable,
-- so it cannot feed a generated column).
CREATE TABLE "NotesSearch" (
    "conferenceId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "blockId" TEXT NOT NULL,
    "speakerId" TEXT,
    "version" TEXT NOT NULL,
    "speaker" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "document" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', "speaker"), 'A') || to_tsvector('english', "text")) STORED
);

CREATE INDEX "NotesSearch_document_idx" ON "NotesSearch" USING GIN ("document");
CREATE INDEX "NotesSearch_conferenceId_idx" ON "NotesSearch"("conferenceId");
CREATE INDEX "NotesSearch_sessionId_idx" ON "NotesSearch"("sessionId");
