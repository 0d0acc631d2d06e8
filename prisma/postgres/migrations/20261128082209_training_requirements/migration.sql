-- AlterTable
ALTER TABLE "Council" ADD COLUMN     "escalateToGroupLeaders" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "overdueRemindersBeforeEscalating" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "remindDaysBefore" INTEGER NOT NULL DEFAULT 14,
ADD COLUMN     "showScoresToOfficers" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "remindDueSoon" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "remindDueTomorrow" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "weeklyDigest" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "Enrolment" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "enrolledById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Enrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Requirement" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "name" TEXT,
    "moduleId" TEXT,
    "courseTopic" TEXT,
    "audience" TEXT NOT NULL,
    "committeeId" TEXT,
    "electedOnOrAfter" TIMESTAMP(3),
    "dueRule" TEXT NOT NULL,
    "dueOn" TIMESTAMP(3),
    "dueWithinDays" INTEGER,
    "validForMonths" INTEGER,
    "earlierWithinMonths" INTEGER,
    "blocksSitting" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),
    "removedById" TEXT,

    CONSTRAINT "Requirement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequirementMember" (
    "requirementId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,

    CONSTRAINT "RequirementMember_pkey" PRIMARY KEY ("requirementId","membershipId")
);

-- CreateTable
CREATE TABLE "Exemption" (
    "id" TEXT NOT NULL,
    "requirementId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "approvedBy" TEXT NOT NULL,
    "evidenceFileId" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Exemption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordedTraining" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "requirementId" TEXT,
    "title" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "completedOn" TIMESTAMP(3) NOT NULL,
    "minutes" INTEGER,
    "evidenceFileId" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecordedTraining_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyGroupLeader" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "partyGroup" TEXT NOT NULL,
    "email" TEXT NOT NULL,

    CONSTRAINT "PartyGroupLeader_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reminder" (
    "id" TEXT NOT NULL,
    "requirementId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "dueOn" TIMESTAMP(3) NOT NULL,
    "step" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestSent" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "weekOf" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DigestSent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DevelopmentReview" (
    "id" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "municipalYear" INTEGER NOT NULL,
    "offeredOn" TIMESTAMP(3),
    "outcome" TEXT,
    "heldOn" TIMESTAMP(3),
    "reviewer" TEXT,
    "needs" TEXT,
    "recordedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DevelopmentReview_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Requirement" ADD CONSTRAINT "Requirement_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Requirement" ADD CONSTRAINT "Requirement_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequirementMember" ADD CONSTRAINT "RequirementMember_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequirementMember" ADD CONSTRAINT "RequirementMember_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exemption" ADD CONSTRAINT "Exemption_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exemption" ADD CONSTRAINT "Exemption_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exemption" ADD CONSTRAINT "Exemption_evidenceFileId_fkey" FOREIGN KEY ("evidenceFileId") REFERENCES "EvidenceFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordedTraining" ADD CONSTRAINT "RecordedTraining_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordedTraining" ADD CONSTRAINT "RecordedTraining_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordedTraining" ADD CONSTRAINT "RecordedTraining_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordedTraining" ADD CONSTRAINT "RecordedTraining_evidenceFileId_fkey" FOREIGN KEY ("evidenceFileId") REFERENCES "EvidenceFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyGroupLeader" ADD CONSTRAINT "PartyGroupLeader_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestSent" ADD CONSTRAINT "DigestSent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DevelopmentReview" ADD CONSTRAINT "DevelopmentReview_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Enrolments: a person who had started a module before enrolments were kept is enrolled on it, from when they started.
INSERT INTO "Enrolment" ("id", "userId", "moduleId", "source", "createdAt")
SELECT md5(random()::text || "userId" || "moduleId"), "userId", "moduleId", 'self', MIN("at")
FROM (
  SELECT "userId", "moduleId", "completedAt" AS "at" FROM "LessonProgress"
  UNION ALL
  SELECT "userId", "moduleId", "createdAt" AS "at" FROM "KnowledgeCheckAttempt"
) AS started
GROUP BY "userId", "moduleId";
