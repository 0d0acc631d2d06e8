-- AlterTable
ALTER TABLE "User" ADD COLUMN     "calendarFeedHash" TEXT;

-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "attachments" TEXT;

-- CreateTable
CREATE TABLE "Course" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "moduleId" TEXT,
    "format" TEXT NOT NULL,
    "venue" TEXT,
    "address" TEXT,
    "joiningLink" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "capacity" INTEGER NOT NULL,
    "bookingOpensAt" TIMESTAMP(3) NOT NULL,
    "bookingClosesAt" TIMESTAMP(3) NOT NULL,
    "cancellationCutoffAt" TIMESTAMP(3) NOT NULL,
    "audience" TEXT NOT NULL,
    "electedWithinMonths" INTEGER,
    "nation" TEXT,
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "offerHours" INTEGER NOT NULL DEFAULT 48,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "publishedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "lastTicket" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Course_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Booking" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "queueNumber" INTEGER NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "offeredAt" TIMESTAMP(3),
    "offerExpiresAt" TIMESTAMP(3),
    "offerReminderSentAt" TIMESTAMP(3),
    "cancelRequestedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "attendance" TEXT,
    "accessNeeds" TEXT,
    "dietaryNeeds" TEXT,
    "calendarSequence" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Booking_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

