-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "memberSince" DATETIME,
    "termStartedOn" DATETIME,
    "leftOfficeOn" DATETIME,
    "ward" TEXT,
    "partyGroup" TEXT,
    "confirmedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Committee" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "councilId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Committee_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommitteeMembership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "committeeId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "appointedOn" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CommitteeMembership_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CommitteeMembership_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Each councillor's council becomes their first membership: claimed at sign-up, so not yet confirmed by
-- the council's officer. User."councilId" is an officer's council from now on.
INSERT INTO "Membership" ("id", "userId", "councilId", "kind", "memberSince", "createdAt", "updatedAt")
SELECT 'm' || "id", "id", "councilId", 'elected', "electedOn", "createdAt", "createdAt"
FROM "User" WHERE "role" = 'councillor' AND "councilId" IS NOT NULL;
UPDATE "User" SET "councilId" = NULL WHERE "role" = 'councillor';

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_User" ("councilId", "createdAt", "deactivatedAt", "email", "emailConfirmedAt", "failedSignIns", "id", "language", "lockedUntil", "name", "passwordHash", "role", "updatedAt") SELECT "councilId", "createdAt", "deactivatedAt", "email", "emailConfirmedAt", "failedSignIns", "id", "language", "lockedUntil", "name", "passwordHash", "role", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "User_councilId_role_idx" ON "User"("councilId", "role");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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

