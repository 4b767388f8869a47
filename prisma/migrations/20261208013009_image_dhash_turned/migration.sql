-- AlterTable
ALTER TABLE "Image" ADD COLUMN     "dhashTurned" TEXT;

