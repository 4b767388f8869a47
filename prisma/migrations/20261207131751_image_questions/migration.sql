-- CreateTable
CREATE TABLE "ImageQuestion" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "imageId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "answer" TEXT,
    "answeredById" TEXT,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImageQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImageQuestion_imageId_createdAt_idx" ON "ImageQuestion"("imageId", "createdAt");

-- CreateIndex
CREATE INDEX "ImageQuestion_projectId_answeredAt_createdAt_idx" ON "ImageQuestion"("projectId", "answeredAt", "createdAt");

-- AddForeignKey
ALTER TABLE "ImageQuestion" ADD CONSTRAINT "ImageQuestion_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImageQuestion" ADD CONSTRAINT "ImageQuestion_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image"("id") ON DELETE CASCADE ON UPDATE CASCADE;

