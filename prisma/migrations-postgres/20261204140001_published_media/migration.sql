-- CreateTable
CREATE TABLE "PublishedMedia" (
    "destinationId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "remoteId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublishedMedia_pkey" PRIMARY KEY ("destinationId","hash")
);

-- AddForeignKey
ALTER TABLE "PublishedMedia" ADD CONSTRAINT "PublishedMedia_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "PublishDestination"("id") ON DELETE CASCADE ON UPDATE CASCADE;
