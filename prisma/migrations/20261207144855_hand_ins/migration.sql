-- CreateTable
CREATE TABLE "HandIn" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "imageId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "annotatorId" TEXT,
    "masks" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "scoredAt" TIMESTAMP(3),
    "reviewerId" TEXT,
    "quality" JSONB,

    CONSTRAINT "HandIn_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HandIn_projectId_scoredAt_idx" ON "HandIn"("projectId", "scoredAt");

-- CreateIndex
CREATE INDEX "HandIn_imageId_createdAt_idx" ON "HandIn"("imageId", "createdAt");

-- AddForeignKey
ALTER TABLE "HandIn" ADD CONSTRAINT "HandIn_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandIn" ADD CONSTRAINT "HandIn_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image"("id") ON DELETE CASCADE ON UPDATE CASCADE;

