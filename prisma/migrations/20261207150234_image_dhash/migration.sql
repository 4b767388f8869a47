-- AlterTable
ALTER TABLE "Image" ADD COLUMN     "dhash" TEXT;

