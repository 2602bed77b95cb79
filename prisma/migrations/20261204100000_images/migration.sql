-- Photos in the notes (issue 15): content-addressed per session, variants beside them.
-- CreateTable
CREATE TABLE "SessionImage" (
    "sessionId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "placeholder" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("sessionId", "hash"),
    CONSTRAINT "SessionImage_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImageVariant" (
    "sessionId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "data" BLOB NOT NULL,

    PRIMARY KEY ("sessionId", "hash", "name"),
    CONSTRAINT "ImageVariant_sessionId_hash_fkey" FOREIGN KEY ("sessionId", "hash") REFERENCES "SessionImage" ("sessionId", "hash") ON DELETE CASCADE ON UPDATE CASCADE
);
