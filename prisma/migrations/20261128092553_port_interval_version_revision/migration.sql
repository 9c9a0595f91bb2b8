-- AlterTable
ALTER TABLE "PortInterval" ADD COLUMN     "versionRevision" TEXT;
