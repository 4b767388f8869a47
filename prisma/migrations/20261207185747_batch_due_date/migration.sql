-- AlterTable
ALTER TABLE "Batch" ADD COLUMN     "dueOn" DATE;

