-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "projectIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "readOnly" BOOLEAN NOT NULL DEFAULT false;

