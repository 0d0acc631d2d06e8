-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en';

