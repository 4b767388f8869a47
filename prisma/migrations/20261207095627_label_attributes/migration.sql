-- AlterTable
ALTER TABLE "LabelClass" ADD COLUMN     "attributes" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "attributes" JSONB NOT NULL DEFAULT '{}';

