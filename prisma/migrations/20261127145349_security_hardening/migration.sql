-- CreateTable
CREATE TABLE "MailRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recipient" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DeviceCookieFailure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "nonce" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "HealthCheck" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "checkedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "MailRequest_recipient_createdAt_idx" ON "MailRequest"("recipient", "createdAt");

-- CreateIndex
CREATE INDEX "MailRequest_ip_createdAt_idx" ON "MailRequest"("ip", "createdAt");

-- CreateIndex
CREATE INDEX "DeviceCookieFailure_nonce_createdAt_idx" ON "DeviceCookieFailure"("nonce", "createdAt");

