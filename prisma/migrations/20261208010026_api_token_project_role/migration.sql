-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "projectRole" "ProjectRole";

