-- CreateEnum
CREATE TYPE "ExportStatus" AS ENUM ('queued', 'running', 'done', 'failed', 'expired');

-- CreateEnum
CREATE TYPE "DetectorStatus" AS ENUM ('training', 'trained', 'failed', 'active', 'retired');

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "heartbeatAt" TIMESTAMP(3),
ADD COLUMN     "lastAnnotatorId" TEXT,
ADD COLUMN     "skipReason" TEXT,
ADD COLUMN     "submittedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "detectorVersionId" TEXT,
ADD COLUMN     "originId" TEXT;

-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "pinX" DOUBLE PRECISION,
ADD COLUMN     "pinY" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "Export" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "batchId" TEXT,
    "format" TEXT NOT NULL,
    "options" JSONB NOT NULL DEFAULT '{}',
    "status" "ExportStatus" NOT NULL DEFAULT 'queued',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "error" TEXT,
    "storageKey" TEXT,
    "byteSize" INTEGER,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "Export_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DetectorVersion" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "DetectorStatus" NOT NULL DEFAULT 'training',
    "sourceModelId" TEXT NOT NULL,
    "weightsKey" TEXT,
    "metrics" JSONB NOT NULL DEFAULT '{}',
    "trainingImages" INTEGER NOT NULL DEFAULT 0,
    "heldOutImages" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activatedAt" TIMESTAMP(3),

    CONSTRAINT "DetectorVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Export_projectId_createdAt_idx" ON "Export"("projectId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DetectorVersion_projectId_version_key" ON "DetectorVersion"("projectId", "version");

