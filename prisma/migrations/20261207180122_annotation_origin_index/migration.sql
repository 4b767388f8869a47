-- CreateIndex
CREATE INDEX "Annotation_originId_idx" ON "Annotation"("originId");

