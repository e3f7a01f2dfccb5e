-- E-mail (decision 0009): mail preferences and mutes per person, per-person mail settings, a record of
-- every mail sent (and which notifications it carried), and the development outbox shown at /dev/mail.

-- CreateTable
CREATE TABLE "MailPreference" (
    "userId" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MailPreference_pkey" PRIMARY KEY ("userId","group")
);

-- CreateTable
CREATE TABLE "MailMute" (
    "userId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailMute_pkey" PRIMARY KEY ("userId","bodyId")
);

-- CreateTable
CREATE TABLE "MailSettings" (
    "userId" TEXT NOT NULL,
    "timeZone" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MailSettings_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "MailDelivery" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT,
    "toAddress" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedAt" TIMESTAMPTZ(3),
    "messageId" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailDeliveryItem" (
    "notificationId" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,

    CONSTRAINT "MailDeliveryItem_pkey" PRIMARY KEY ("notificationId")
);

-- CreateTable
CREATE TABLE "DevMail" (
    "id" TEXT NOT NULL,
    "deliveryId" TEXT,
    "toAddress" TEXT NOT NULL,
    "fromAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DevMail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MailDelivery_key_key" ON "MailDelivery"("key");

-- CreateIndex
CREATE INDEX "MailDelivery_userId_kind_createdAt_idx" ON "MailDelivery"("userId", "kind", "createdAt");

-- CreateIndex
CREATE INDEX "MailDeliveryItem_deliveryId_idx" ON "MailDeliveryItem"("deliveryId");

-- CreateIndex
CREATE INDEX "DevMail_createdAt_idx" ON "DevMail"("createdAt");

-- AddForeignKey
ALTER TABLE "MailPreference" ADD CONSTRAINT "MailPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailMute" ADD CONSTRAINT "MailMute_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailSettings" ADD CONSTRAINT "MailSettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailDelivery" ADD CONSTRAINT "MailDelivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailDeliveryItem" ADD CONSTRAINT "MailDeliveryItem_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "MailDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── hand-written rules ─────────────────────────────────────────────────────
ALTER TABLE "MailPreference" ADD CONSTRAINT "MailPreference_group_check" CHECK ("group" IN ('votes', 'meetings', 'drafts', 'services', 'actions', 'people', 'joint'));
ALTER TABLE "MailPreference" ADD CONSTRAINT "MailPreference_mode_check" CHECK ("mode" IN ('IMMEDIATELY', 'DIGEST', 'OFF'));
ALTER TABLE "MailDelivery" ADD CONSTRAINT "MailDelivery_kind_check" CHECK ("kind" IN ('NOTIFICATION', 'DIGEST', 'DIRECT'));
ALTER TABLE "MailDelivery" ADD CONSTRAINT "MailDelivery_status_check" CHECK ("status" IN ('SENDING', 'SENT', 'FAILED'));
ALTER TABLE "MailDelivery" ADD CONSTRAINT "MailDelivery_attempts_check" CHECK ("attempts" >= 0);
-- A sent mail says when, and a claimed one since when.
ALTER TABLE "MailDelivery" ADD CONSTRAINT "MailDelivery_sent_check" CHECK (("status" = 'SENT') = ("sentAt" IS NOT NULL));
ALTER TABLE "MailDelivery" ADD CONSTRAINT "MailDelivery_claimed_check" CHECK ("status" <> 'SENDING' OR "claimedAt" IS NOT NULL);
