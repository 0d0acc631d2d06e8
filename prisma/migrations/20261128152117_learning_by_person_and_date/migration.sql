-- CreateIndex
CREATE INDEX "LessonProgress_userId_completedAt_idx" ON "LessonProgress"("userId", "completedAt");

-- CreateIndex
CREATE INDEX "ModuleCompletion_userId_completedAt_idx" ON "ModuleCompletion"("userId", "completedAt");

