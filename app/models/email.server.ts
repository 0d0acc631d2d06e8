// The outbox: every message is written to EmailMessage first, then delivered by SMTP when SMTP_URL is set.
// A message is claimed with a conditional update before it is sent, so when two app processes deliver
// at once each message still goes out once. Staff can read the outbox at /staff/outbox, with every
// link that carries a token hidden: only the addressee may ever see one.
import nodemailer from "nodemailer";
import { z } from "zod";
import { db, type DbClient } from "~/utils/db.server";
import { partsByLanguage } from "./account-emails.server";
import { recordAudit, type RequestOrigin } from "./audit.server";
import { TOKEN_LIFETIME_MINUTES, type TokenPurpose } from "./user-token.server";

export const MAX_ATTEMPTS = 5;
// Minutes to wait before attempt 2, 3, 4, 5.
const BACKOFF_MINUTES = [1, 5, 30, 120];
// A claim older than this belongs to a process that died mid-send: the message may be tried again.
const STALE_CLAIM_MINUTES = 10;

const AttachmentsSchema = z.array(z.object({ filename: z.string(), contentType: z.string(), content: z.string() }));
/** A calendar file's contentType carries its method ("text/calendar; charset=utf-8; method=REQUEST"), the same as the METHOD inside it. */
export type EmailAttachment = z.infer<typeof AttachmentsSchema>[number];

export type OutgoingEmail = { to: string; subject: string; text: string; language?: string; attachments?: EmailAttachment[] };
export type SendEmail = (email: OutgoingEmail) => Promise<void>;

/** Queues a message; pass the transaction (client) when it must be sent only if the change it tells of is saved. */
export async function enqueueEmail({ attachments, ...email }: OutgoingEmail, client: DbClient = db) {
  return client.emailMessage.create({
    data: { ...email, attachments: attachments?.length ? JSON.stringify(attachments) : null },
    select: { id: true },
  });
}

function storedAttachments(json: string | null): EmailAttachment[] {
  return json ? AttachmentsSchema.parse(JSON.parse(json)) : [];
}

function claimable(now: Date) {
  return {
    OR: [
      { status: "pending", nextAttemptAt: { lte: now } },
      { status: "sending", claimedAt: { lte: new Date(now.getTime() - STALE_CLAIM_MINUTES * 60_000) } },
    ],
  };
}

/**
 * Takes the oldest message due, or returns null. Only one caller can win a given message: of the five
 * oldest due, the first this caller manages to claim (the others were claimed by another process meanwhile).
 */
export async function claimNextEmail(now = new Date()) {
  const candidates = await db.emailMessage.findMany({
    where: claimable(now),
    orderBy: { createdAt: "asc" },
    take: 5,
    select: { id: true },
  });
  for (const candidate of candidates) {
    const { count } = await db.emailMessage.updateMany({
      where: { id: candidate.id, ...claimable(now) },
      // The real time of the claim, not the start of the run: a long run's later claims must not look stale.
      data: { status: "sending", claimedAt: new Date(), attempts: { increment: 1 } },
    });
    if (count === 1) return db.emailMessage.findUniqueOrThrow({ where: { id: candidate.id } });
    // Another process claimed it between our read and our update: try the next one.
  }
  return null;
}

export async function deliverDueEmails(send: SendEmail, { limit = 50, now = new Date() } = {}) {
  const outcome = { sent: 0, retrying: 0, failed: 0 };
  for (let i = 0; i < limit; i++) {
    const message = await claimNextEmail(now);
    if (!message) break;
    try {
      const attachments = storedAttachments(message.attachments);
      await send({ to: message.to, subject: message.subject, text: message.text, ...(attachments.length ? { attachments } : {}) });
      await db.emailMessage.update({
        where: { id: message.id },
        // Once delivered, the stored copy no longer needs the link: a copy of the database cannot use it.
        data: { status: "sent", sentAt: new Date(), lastError: null, text: hideSecretLinks(message.text).text },
      });
      outcome.sent++;
    } catch (error) {
      const lastError = error instanceof Error ? error.message.slice(0, 500) : "Unknown error";
      const giveUp = message.attempts >= MAX_ATTEMPTS;
      await db.emailMessage.update({
        where: { id: message.id },
        data: giveUp
          ? { status: "failed", lastError }
          : // attempts is 1 to 4 here: one wait for each attempt still to come.
            { status: "pending", lastError, nextAttemptAt: new Date(now.getTime() + BACKOFF_MINUTES[message.attempts - 1] * 60_000) },
      });
      if (giveUp) outcome.failed++;
      else outcome.retrying++;
    }
  }
  return outcome;
}

export function smtpSender(
  smtpUrl: string,
  from = process.env.MAIL_FROM || "Leadership Essentials <no-reply@leadership-essentials.local>",
): SendEmail {
  const transport = nodemailer.createTransport(smtpUrl);
  return async ({ attachments = [], ...email }) => {
    const calendar = attachments.find((attachment) => /^text\/calendar\b/i.test(attachment.contentType));
    await transport.sendMail({
      from,
      ...email,
      attachments: attachments
        .filter((attachment) => attachment !== calendar)
        .map(({ filename, contentType, content }) => ({ filename, contentType, content })),
      // As nodemailer's icalEvent, a calendar file also goes as a `text/calendar; method=…` alternative to the
      // text: that part, not the attachment, is what makes mail clients show an invitation to accept or remove.
      ...(calendar ? { icalEvent: { method: calendarMethod(calendar), filename: calendar.filename, content: calendar.content } } : {}),
    });
  };
}

function calendarMethod({ contentType, content }: EmailAttachment) {
  return /;\s*method=([\w-]+)/i.exec(contentType)?.[1] ?? /^METHOD:([\w-]+)/m.exec(content)?.[1] ?? "PUBLISH";
}

// A link that carries a single-use token: `<app URL>/<purpose>/<token>`.
const SECRET_LINK = /\bhttps?:\/\/\S+?\/(confirm-email|reset-password|invitation|change-email)\/[\w-]+(?:\?lng=\w+)?/g;

const SECRET_LINK_NAMES: Record<TokenPurpose, string> = {
  "confirm-email": "Email confirmation link",
  "reset-password": "Password reset link",
  invitation: "Invitation link",
  "change-email": "Email change link",
};

/** The message with each token link replaced by a note, and which links were sent, for people other than the addressee. */
const HIDDEN = ": hidden, only the addressee can see it";
/** Where a link was hidden: the note is written in English, whatever the message's language. */
const HIDDEN_NOTE = new RegExp(`(\\[[^\\]]+${HIDDEN}\\])`);

/** The message's parts by language, with each note of a hidden link as a part in English. */
function withHiddenNotesInEnglish(parts: ReturnType<typeof partsByLanguage>["text"]) {
  return parts.flatMap((part) =>
    part.text
      .split(HIDDEN_NOTE)
      .filter((text) => text !== "")
      .map((text) => ({ language: HIDDEN_NOTE.test(text) ? ("en" as const) : part.language, text })),
  );
}

export function hideSecretLinks(text: string) {
  const links: TokenPurpose[] = [];
  const hidden = text.replace(SECRET_LINK, (_link, purpose: TokenPurpose) => {
    links.push(purpose);
    return `[${SECRET_LINK_NAMES[purpose]}${HIDDEN}]`;
  });
  return { text: hidden, links };
}

export const OUTBOX_PAGE_SIZE = 50;

/**
 * The outbox as staff see it: token links hidden (which link was sent and when it expires instead), and
 * each look recorded in the audit log, because the outbox shows who is being sent what.
 */
export async function listOutbox({ page = 1, viewerId }: { page?: number; viewerId: string }, origin: RequestOrigin) {
  const [rows, total] = await Promise.all([
    db.emailMessage.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
      select: {
        id: true,
        to: true,
        subject: true,
        text: true,
        language: true,
        status: true,
        attempts: true,
        lastError: true,
        createdAt: true,
        attachments: true,
      },
    }),
    db.emailMessage.count(),
  ]);
  await recordAudit({ type: "outbox-viewed", actorId: viewerId, detail: `Page ${page}` }, origin);
  const messages = rows.map((row) => {
    const { text, links } = hideSecretLinks(row.text);
    const sentLinks = links.map((purpose) => ({
      purpose,
      name: SECRET_LINK_NAMES[purpose],
      expiresAt: new Date(row.createdAt.getTime() + TOKEN_LIFETIME_MINUTES[purpose] * 60_000),
    }));
    const { language, attachments, ...shown } = row;
    const inLanguages = partsByLanguage({ subject: row.subject, text, language });
    return {
      ...shown,
      text,
      sentLinks,
      // Names only: staff need to know an invitation went, not its contents.
      attachedFiles: storedAttachments(attachments).map((attachment) => attachment.filename),
      inLanguages: { subject: inLanguages.subject, text: withHiddenNotesInEnglish(inLanguages.text) },
    };
  });
  return { messages, total, pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)) };
}
