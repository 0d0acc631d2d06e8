-- CreateTable
CREATE TABLE "Enrolment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "enrolledById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Enrolment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Requirement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "councilId" TEXT NOT NULL,
    "name" TEXT,
    "moduleId" TEXT,
    "courseTopic" TEXT,
    "audience" TEXT NOT NULL,
    "committeeId" TEXT,
    "electedOnOrAfter" DATETIME,
    "dueRule" TEXT NOT NULL,
    "dueOn" DATETIME,
    "dueWithinDays" INTEGER,
    "validForMonths" INTEGER,
    "earlierWithinMonths" INTEGER,
    "blocksSitting" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" DATETIME,
    "removedById" TEXT,
    CONSTRAINT "Requirement_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Requirement_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequirementMember" (
    "requirementId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,

    PRIMARY KEY ("requirementId", "membershipId"),
    CONSTRAINT "RequirementMember_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RequirementMember_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Exemption" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requirementId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "approvedBy" TEXT NOT NULL,
    "evidenceFileId" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Exemption_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Exemption_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Exemption_evidenceFileId_fkey" FOREIGN KEY ("evidenceFileId") REFERENCES "EvidenceFile" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecordedTraining" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "requirementId" TEXT,
    "title" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "completedOn" DATETIME NOT NULL,
    "minutes" INTEGER,
    "evidenceFileId" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RecordedTraining_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RecordedTraining_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RecordedTraining_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "RecordedTraining_evidenceFileId_fkey" FOREIGN KEY ("evidenceFileId") REFERENCES "EvidenceFile" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "councilId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "content" BLOB NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EvidenceFile_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PartyGroupLeader" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "councilId" TEXT NOT NULL,
    "partyGroup" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    CONSTRAINT "PartyGroupLeader_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Reminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requirementId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "dueOn" DATETIME NOT NULL,
    "step" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Reminder_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Reminder_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DigestSent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "weekOf" DATETIME NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DigestSent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DevelopmentReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "membershipId" TEXT NOT NULL,
    "municipalYear" INTEGER NOT NULL,
    "offeredOn" DATETIME,
    "outcome" TEXT,
    "heldOn" DATETIME,
    "reviewer" TEXT,
    "needs" TEXT,
    "recordedById" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DevelopmentReview_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Council" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "welshName" TEXT,
    "type" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "nation" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "remindDaysBefore" INTEGER NOT NULL DEFAULT 14,
    "overdueRemindersBeforeEscalating" INTEGER NOT NULL DEFAULT 3,
    "escalateToGroupLeaders" BOOLEAN NOT NULL DEFAULT false,
    "showScoresToOfficers" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_Council" ("createdAt", "id", "name", "nation", "region", "slug", "type", "welshName") SELECT "createdAt", "id", "name", "nation", "region", "slug", "type", "welshName" FROM "Council";
DROP TABLE "Council";
ALTER TABLE "new_Council" RENAME TO "Council";
CREATE UNIQUE INDEX "Council_slug_key" ON "Council"("slug");
CREATE UNIQUE INDEX "Council_name_key" ON "Council"("name");
CREATE UNIQUE INDEX "Council_welshName_key" ON "Council"("welshName");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "councilId" TEXT,
    "passwordHash" TEXT,
    "emailConfirmedAt" DATETIME,
    "language" TEXT,
    "deactivatedAt" DATETIME,
    "mergedIntoId" TEXT,
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "calendarFeedHash" TEXT,
    "remindDueSoon" BOOLEAN NOT NULL DEFAULT true,
    "remindDueTomorrow" BOOLEAN NOT NULL DEFAULT true,
    "weeklyDigest" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "User_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_User" ("calendarFeedHash", "councilId", "createdAt", "deactivatedAt", "email", "emailConfirmedAt", "failedSignIns", "id", "language", "lockedUntil", "mergedIntoId", "name", "passwordHash", "role", "updatedAt") SELECT "calendarFeedHash", "councilId", "createdAt", "deactivatedAt", "email", "emailConfirmedAt", "failedSignIns", "id", "language", "lockedUntil", "mergedIntoId", "name", "passwordHash", "role", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_calendarFeedHash_key" ON "User"("calendarFeedHash");
CREATE INDEX "User_councilId_role_idx" ON "User"("councilId", "role");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_userId_moduleId_key" ON "Enrolment"("userId", "moduleId");

-- CreateIndex
CREATE INDEX "Requirement_councilId_removedAt_idx" ON "Requirement"("councilId", "removedAt");

-- CreateIndex
CREATE INDEX "RequirementMember_membershipId_idx" ON "RequirementMember"("membershipId");

-- CreateIndex
CREATE UNIQUE INDEX "Exemption_requirementId_membershipId_key" ON "Exemption"("requirementId", "membershipId");

-- CreateIndex
CREATE INDEX "RecordedTraining_userId_completedOn_idx" ON "RecordedTraining"("userId", "completedOn");

-- CreateIndex
CREATE INDEX "RecordedTraining_requirementId_idx" ON "RecordedTraining"("requirementId");

-- CreateIndex
CREATE UNIQUE INDEX "PartyGroupLeader_councilId_partyGroup_key" ON "PartyGroupLeader"("councilId", "partyGroup");

-- CreateIndex
CREATE UNIQUE INDEX "Reminder_requirementId_membershipId_dueOn_step_key" ON "Reminder"("requirementId", "membershipId", "dueOn", "step");

-- CreateIndex
CREATE UNIQUE INDEX "DigestSent_userId_weekOf_key" ON "DigestSent"("userId", "weekOf");

-- CreateIndex
CREATE UNIQUE INDEX "DevelopmentReview_membershipId_municipalYear_key" ON "DevelopmentReview"("membershipId", "municipalYear");


-- Enrolments: a person who had started a module before enrolments were kept is enrolled on it, from when they started.
INSERT INTO "Enrolment" ("id", "userId", "moduleId", "source", "createdAt")
SELECT lower(hex(randomblob(12))), "userId", "moduleId", 'self', MIN("at")
FROM (
  SELECT "userId", "moduleId", "completedAt" AS "at" FROM "LessonProgress"
  UNION ALL
  SELECT "userId", "moduleId", "createdAt" AS "at" FROM "KnowledgeCheckAttempt"
)
GROUP BY "userId", "moduleId";
