-- Written by hand: Prisma's diff would drop "QuizAttempt" and create an empty table. Renaming keeps every
-- attempt; the constraints and index take the names Prisma gives them.

-- RenameTable
ALTER TABLE "QuizAttempt" RENAME TO "KnowledgeCheckAttempt";

-- RenamePrimaryKey
ALTER TABLE "KnowledgeCheckAttempt" RENAME CONSTRAINT "QuizAttempt_pkey" TO "KnowledgeCheckAttempt_pkey";

-- RenameForeignKey
ALTER TABLE "KnowledgeCheckAttempt" RENAME CONSTRAINT "QuizAttempt_userId_fkey" TO "KnowledgeCheckAttempt_userId_fkey";

-- RenameIndex
ALTER INDEX "QuizAttempt_userId_moduleId_createdAt_idx" RENAME TO "KnowledgeCheckAttempt_userId_moduleId_createdAt_idx";
