-- AlterTable
ALTER TABLE "Session" ADD COLUMN "recordingUrl" TEXT,
ADD COLUMN "recordingStartsAt" TIMESTAMP(3);
