-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "instructions" TEXT NOT NULL DEFAULT '';

