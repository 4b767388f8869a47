-- The single batch reviewer becomes a list of reviewers, keeping an existing one.
ALTER TABLE "Batch" ADD COLUMN "reviewerIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
UPDATE "Batch" SET "reviewerIds" = ARRAY["reviewerId"] WHERE "reviewerId" IS NOT NULL;
ALTER TABLE "Batch" DROP COLUMN "reviewerId";
