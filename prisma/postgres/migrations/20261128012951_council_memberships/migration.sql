-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "memberSince" TIMESTAMP(3),
    "termStartedOn" TIMESTAMP(3),
    "leftOfficeOn" TIMESTAMP(3),
    "ward" TEXT,
    "partyGroup" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Committee" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Committee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitteeMembership" (
    "id" TEXT NOT NULL,
    "committeeId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "appointedOn" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommitteeMembership_pkey" PRIMARY KEY ("id")
);

-- Each councillor's council becomes their first membership: claimed at sign-up, so not yet confirmed by
-- the council's officer. User."councilId" is an officer's council from now on.
INSERT INTO "Membership" ("id", "userId", "councilId", "kind", "memberSince", "createdAt", "updatedAt")
SELECT 'm' || "id", "id", "councilId", 'elected', "electedOn", "createdAt", "createdAt"
FROM "User" WHERE "role" = 'councillor' AND "councilId" IS NOT NULL;
UPDATE "User" SET "councilId" = NULL WHERE "role" = 'councillor';

-- AlterTable
ALTER TABLE "User" DROP COLUMN "electedOn";

-- CreateIndex
CREATE INDEX "Membership_councilId_leftOfficeOn_idx" ON "Membership"("councilId", "leftOfficeOn");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_councilId_key" ON "Membership"("userId", "councilId");

-- CreateIndex
CREATE UNIQUE INDEX "Committee_councilId_name_key" ON "Committee"("councilId", "name");

-- CreateIndex
CREATE INDEX "CommitteeMembership_membershipId_idx" ON "CommitteeMembership"("membershipId");

-- CreateIndex
CREATE UNIQUE INDEX "CommitteeMembership_committeeId_membershipId_key" ON "CommitteeMembership"("committeeId", "membershipId");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Committee" ADD CONSTRAINT "Committee_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeMembership" ADD CONSTRAINT "CommitteeMembership_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeMembership" ADD CONSTRAINT "CommitteeMembership_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

