-- AlterTable
ALTER TABLE "Batch" ADD COLUMN     "reviewerId" TEXT;

