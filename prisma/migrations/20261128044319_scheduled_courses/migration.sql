-- AlterTable
ALTER TABLE "User" ADD COLUMN "calendarFeedHash" TEXT;

-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN "attachments" TEXT;

-- CreateTable
CREATE TABLE "Course" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "moduleId" TEXT,
    "format" TEXT NOT NULL,
    "venue" TEXT,
    "address" TEXT,
    "joiningLink" TEXT,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "capacity" INTEGER NOT NULL,
    "bookingOpensAt" DATETIME NOT NULL,
    "bookingClosesAt" DATETIME NOT NULL,
    "cancellationCutoffAt" DATETIME NOT NULL,
    "audience" TEXT NOT NULL,
    "electedWithinMonths" INTEGER,
    "nation" TEXT,
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "offerHours" INTEGER NOT NULL DEFAULT 48,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "publishedAt" DATETIME,
    "cancelledAt" DATETIME,
    "lastTicket" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Booking" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "queueNumber" INTEGER NOT NULL,
    "requestedAt" DATETIME NOT NULL,
    "confirmedAt" DATETIME,
    "offeredAt" DATETIME,
    "offerExpiresAt" DATETIME,
    "offerReminderSentAt" DATETIME,
    "cancelRequestedAt" DATETIME,
    "endedAt" DATETIME,
    "attendance" TEXT,
    "accessNeeds" TEXT,
    "dietaryNeeds" TEXT,
    "calendarSequence" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Booking_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Booking_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Course_status_startsAt_idx" ON "Course"("status", "startsAt");

-- CreateIndex
CREATE INDEX "Booking_courseId_status_queueNumber_idx" ON "Booking"("courseId", "status", "queueNumber");

-- CreateIndex
CREATE INDEX "Booking_userId_status_idx" ON "Booking"("userId", "status");

-- CreateIndex
CREATE INDEX "Booking_status_offerExpiresAt_idx" ON "Booking"("status", "offerExpiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Booking_courseId_userId_key" ON "Booking"("courseId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "User_calendarFeedHash_key" ON "User"("calendarFeedHash");

