-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "language" TEXT;

