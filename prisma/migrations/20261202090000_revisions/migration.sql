-- CreateTable
CREATE TABLE "Revision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "generation" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT,
    "state" BLOB NOT NULL,
    "authors" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Revision_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "NotesDocument" ("sessionId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Revision_sessionId_createdAt_idx" ON "Revision"("sessionId", "createdAt");
