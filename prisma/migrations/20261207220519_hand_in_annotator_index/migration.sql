-- CreateIndex
CREATE INDEX "HandIn_projectId_annotatorId_createdAt_idx" ON "HandIn"("projectId", "annotatorId", "createdAt");

