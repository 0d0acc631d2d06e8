-- AlterTable
ALTER TABLE "KnowledgeCheckAttempt" ADD COLUMN     "openKey" TEXT,
ADD COLUMN     "questions" TEXT,
ADD COLUMN     "submittedAt" TIMESTAMP(3),
ALTER COLUMN "correct" DROP NOT NULL,
ALTER COLUMN "total" DROP NOT NULL,
ALTER COLUMN "scorePercent" DROP NOT NULL,
ALTER COLUMN "passed" DROP NOT NULL,
ALTER COLUMN "answers" DROP NOT NULL;

-- attempts from before drawing were submitted as they were created (their questions: every question)
UPDATE "KnowledgeCheckAttempt" SET "submittedAt" = "createdAt";

-- CreateIndex
CREATE UNIQUE INDEX "KnowledgeCheckAttempt_openKey_key" ON "KnowledgeCheckAttempt"("openKey");

