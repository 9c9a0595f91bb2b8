-- AlterTable
ALTER TABLE "PortInterval" ADD COLUMN     "facts" JSONB NOT NULL DEFAULT '{}';
