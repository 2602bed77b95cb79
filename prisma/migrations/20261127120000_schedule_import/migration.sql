-- CreateTable
CREATE TABLE "ScheduleSource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conferenceId" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "externalId" TEXT,
    "sourceUrl" TEXT,
    "filename" TEXT,
    "snapshot" TEXT NOT NULL,
    "importedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ScheduleSource_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ScheduleSource_conferenceId_key" ON "ScheduleSource"("conferenceId");

-- CreateIndex
CREATE INDEX "ScheduleSource_externalId_idx" ON "ScheduleSource"("externalId");
