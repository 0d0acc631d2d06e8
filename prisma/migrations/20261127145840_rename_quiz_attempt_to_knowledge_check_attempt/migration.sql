-- Written by hand: Prisma's diff would drop "QuizAttempt" and create an empty table. Renaming keeps every
-- attempt. SQLite cannot rename an index, so the index is made again under the name Prisma gives it.
-- (The foreign key keeps its old name inside the table's definition: SQLite does not use or report it.)

-- RenameTable
ALTER TABLE "QuizAttempt" RENAME TO "KnowledgeCheckAttempt";

-- RenameIndex
DROP INDEX "QuizAttempt_userId_moduleId_createdAt_idx";
CREATE INDEX "KnowledgeCheckAttempt_userId_moduleId_createdAt_idx" ON "KnowledgeCheckAttempt"("userId", "moduleId", "createdAt");
