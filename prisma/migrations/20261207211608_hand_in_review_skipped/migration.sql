-- AlterTable
ALTER TABLE "HandIn" ADD COLUMN     "reviewSkipped" BOOLEAN NOT NULL DEFAULT false;

