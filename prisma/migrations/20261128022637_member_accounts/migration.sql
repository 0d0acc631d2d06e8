-- AlterTable
ALTER TABLE "User" ADD COLUMN "mergedIntoId" TEXT;

-- AlterTable
ALTER TABLE "UserToken" ADD COLUMN "newEmail" TEXT;

