-- AlterTable
ALTER TABLE "LabelClass" ADD COLUMN     "description" TEXT NOT NULL DEFAULT '';

