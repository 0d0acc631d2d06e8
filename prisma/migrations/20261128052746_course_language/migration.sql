-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Course" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
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
INSERT INTO "new_Course" ("address", "audience", "bookingClosesAt", "bookingOpensAt", "cancellationCutoffAt", "cancelledAt", "capacity", "contactEmail", "contactName", "createdAt", "description", "electedWithinMonths", "endsAt", "format", "id", "joiningLink", "lastTicket", "moduleId", "nation", "offerHours", "publishedAt", "startsAt", "status", "title", "topic", "updatedAt", "venue") SELECT "address", "audience", "bookingClosesAt", "bookingOpensAt", "cancellationCutoffAt", "cancelledAt", "capacity", "contactEmail", "contactName", "createdAt", "description", "electedWithinMonths", "endsAt", "format", "id", "joiningLink", "lastTicket", "moduleId", "nation", "offerHours", "publishedAt", "startsAt", "status", "title", "topic", "updatedAt", "venue" FROM "Course";
DROP TABLE "Course";
ALTER TABLE "new_Course" RENAME TO "Course";
CREATE INDEX "Course_status_startsAt_idx" ON "Course"("status", "startsAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

