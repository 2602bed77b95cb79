-- AlterTable
ALTER TABLE "User" ADD COLUMN "bio" TEXT;
ALTER TABLE "User" ADD COLUMN "link" TEXT;
ALTER TABLE "User" ADD COLUMN "avatarUrl" TEXT;

-- CreateTable
CREATE TABLE "PublishDestination" (
    "id" TEXT NOT NULL,
    "conferenceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "settings" TEXT NOT NULL,
    "secret" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "PublishDestination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublishedPost" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "destinationId" TEXT NOT NULL,
    "remoteId" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "url" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "PublishedPost_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PublishDestination_conferenceId_name_key" ON "PublishDestination"("conferenceId", "name");
CREATE INDEX "PublishedPost_destinationId_idx" ON "PublishedPost"("destinationId");
CREATE UNIQUE INDEX "PublishedPost_sessionId_destinationId_key" ON "PublishedPost"("sessionId", "destinationId");

-- AddForeignKey
ALTER TABLE "PublishDestination" ADD CONSTRAINT "PublishDestination_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PublishedPost" ADD CONSTRAINT "PublishedPost_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PublishedPost" ADD CONSTRAINT "PublishedPost_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "PublishDestination"("id") ON DELETE CASCADE ON UPDATE CASCADE;
