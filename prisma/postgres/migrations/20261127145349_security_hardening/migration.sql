-- CreateTable
CREATE TABLE "MailRequest" (
    "id" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeviceCookieFailure" (
    "id" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeviceCookieFailure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthCheck" (
    "id" INTEGER NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HealthCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MailRequest_recipient_createdAt_idx" ON "MailRequest"("recipient", "createdAt");

-- CreateIndex
CREATE INDEX "MailRequest_ip_createdAt_idx" ON "MailRequest"("ip", "createdAt");

-- CreateIndex
CREATE INDEX "DeviceCookieFailure_nonce_createdAt_idx" ON "DeviceCookieFailure"("nonce", "createdAt");

