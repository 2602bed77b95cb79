-- AlterTable
ALTER TABLE "Session" ADD COLUMN "recordingUrl" TEXT;
ALTER TABLE "Session" ADD COLUMN "recordingStartsAt" DATETIME;
