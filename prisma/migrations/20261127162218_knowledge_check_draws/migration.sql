-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_KnowledgeCheckAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "moduleVersion" INTEGER NOT NULL,
    "questions" TEXT,
    "openKey" TEXT,
    "correct" INTEGER,
    "total" INTEGER,
    "scorePercent" INTEGER,
    "passed" BOOLEAN,
    "answers" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" DATETIME,
    CONSTRAINT "KnowledgeCheckAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- attempts from before drawing were submitted as they were created (their questions: every question)
INSERT INTO "new_KnowledgeCheckAttempt" ("answers", "correct", "createdAt", "id", "moduleId", "moduleVersion", "passed", "scorePercent", "total", "userId", "submittedAt") SELECT "answers", "correct", "createdAt", "id", "moduleId", "moduleVersion", "passed", "scorePercent", "total", "userId", "createdAt" FROM "KnowledgeCheckAttempt";
DROP TABLE "KnowledgeCheckAttempt";
ALTER TABLE "new_KnowledgeCheckAttempt" RENAME TO "KnowledgeCheckAttempt";
CREATE UNIQUE INDEX "KnowledgeCheckAttempt_openKey_key" ON "KnowledgeCheckAttempt"("openKey");
CREATE INDEX "KnowledgeCheckAttempt_userId_moduleId_createdAt_idx" ON "KnowledgeCheckAttempt"("userId", "moduleId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

