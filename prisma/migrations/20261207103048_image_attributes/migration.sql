-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "imageAttributes" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Image" ADD COLUMN     "attributes" JSONB NOT NULL DEFAULT '{}';

