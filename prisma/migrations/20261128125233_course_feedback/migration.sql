-- AlterTable
ALTER TABLE "Booking" ADD COLUMN "feedbackAskedAt" DATETIME;

-- CreateTable
CREATE TABLE "CourseFeedback" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "usefulness" INTEGER NOT NULL,
    "willDo" TEXT,
    "comments" TEXT,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CourseFeedback_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CourseFeedback_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "CourseFeedback_courseId_userId_key" ON "CourseFeedback"("courseId", "userId");

