-- CreateTable
CREATE TABLE "Conference" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "location" TEXT,
    "startsOn" TEXT,
    "endsOn" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "hashtag" TEXT,
    "titleTemplate" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conferenceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "affiliation" TEXT,
    "note" TEXT,
    "handle" TEXT,
    "url" TEXT,
    "bio" TEXT,
    "aliases" TEXT NOT NULL DEFAULT '[]',
    "externalId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Person_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conferenceId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'talk',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "room" TEXT,
    "track" TEXT,
    "startsAt" DATETIME,
    "endsAt" DATETIME,
    "intro" TEXT NOT NULL DEFAULT '',
    "externalId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Session_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SessionPerson" (
    "sessionId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'speaker',
    "position" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("sessionId", "personId"),
    CONSTRAINT "SessionPerson_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SessionPerson_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NotesDocument" (
    "sessionId" TEXT NOT NULL PRIMARY KEY,
    "generation" TEXT NOT NULL,
    "snapshot" BLOB,
    "snapshotUpTo" INTEGER NOT NULL DEFAULT 0,
    "contentJson" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "NotesDocument_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NotesUpdate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sessionId" TEXT NOT NULL,
    "data" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NotesUpdate_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "NotesDocument" ("sessionId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Conference_slug_key" ON "Conference"("slug");

-- CreateIndex
CREATE INDEX "Person_conferenceId_name_idx" ON "Person"("conferenceId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Person_conferenceId_externalId_key" ON "Person"("conferenceId", "externalId");

-- CreateIndex
CREATE INDEX "Session_conferenceId_startsAt_idx" ON "Session"("conferenceId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Session_conferenceId_slug_key" ON "Session"("conferenceId", "slug");

-- CreateIndex
CREATE INDEX "SessionPerson_personId_idx" ON "SessionPerson"("personId");

-- CreateIndex
CREATE INDEX "NotesUpdate_sessionId_id_idx" ON "NotesUpdate"("sessionId", "id");
