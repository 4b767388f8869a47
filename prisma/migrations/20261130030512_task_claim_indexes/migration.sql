-- CreateIndex
CREATE INDEX "Task_projectId_stage_assigneeId_status_idx" ON "Task"("projectId", "stage", "assigneeId", "status");

-- CreateIndex
CREATE INDEX "Task_batchId_stage_status_priority_createdAt_idx" ON "Task"("batchId", "stage", "status", "priority" DESC, "createdAt");

