-- AlterTable
ALTER TABLE "Batch" ADD COLUMN     "dueSoonNotifiedFor" DATE,
ADD COLUMN     "overdueNotifiedFor" DATE;

