-- CreateTable
CREATE TABLE "PublishedMedia" (
    "destinationId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "remoteId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("destinationId", "hash"),
    CONSTRAINT "PublishedMedia_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "PublishDestination" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
