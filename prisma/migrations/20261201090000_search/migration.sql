-- Full-text search over the readers' copy of every session's notes (SQLite FTS5).
-- Not a Prisma model: Prisma cannot describe virtual tables, so server/data/search-index.ts
-- reads and writes it with SQL, and server/db/schema-drift.test.ts skips it and its
-- shadow tables (NotesSearch_data, _idx, _content, _docsize, _config).
--
-- One row per block of the notes (question, statement, note, tip, aside, talk title),
-- keyed by the block's anchor on the session page (q-3, s-12, ...), plus one row per
-- session with blockId '' whose "version" records which NotesDocument.updatedAt was indexed.
-- conferenceId and sessionId are indexed (not UNINDEXED) so that "this conference" and
-- "this session" are index lookups (column filters), not scans; readers' queries are
-- limited to the speaker and text columns. Stemming (porter) lets "measuring" find
-- "measure"; diacritics are folded.
CREATE VIRTUAL TABLE "NotesSearch" USING fts5(
    "conferenceId",
    "sessionId",
    "blockId" UNINDEXED,
    "speakerId" UNINDEXED,
    "version" UNINDEXED,
    "speaker",
    "text",
    tokenize = 'porter unicode61 remove_diacritics 2'
);
