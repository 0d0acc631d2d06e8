import { expect, test, vi } from "vitest";
import { db } from "~/utils/db.server";
import { createUser } from "../../tests/factories";
import { emailedTokens } from "../../tests/outbox";
import { requestPasswordReset, resendEmailConfirmation } from "./account.server";
import { deliverDueEmails, enqueueEmail, hideSecretLinks, listOutbox, MAX_ATTEMPTS, OUTBOX_PAGE_SIZE, type OutgoingEmail } from "./email.server";
import { sendInvitation } from "./user.server";

// The fake senders below stand in for the SMTP server; the outbox itself is the real database.
// Each test empties the outbox first, because a deliverer takes every message that is due.

function recordingSender({ delayMs = 0 } = {}) {
  const sent: OutgoingEmail[] = [];
  const send = async (email: OutgoingEmail) => {
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    sent.push(email);
  };
  return { sent, send };
}

const MINUTE = 60_000;

test("every message due is sent once and marked as sent", async () => {
  await db.emailMessage.deleteMany();
  const a = await enqueueEmail({ to: "a@example.org", subject: "First", text: "Hello A" });
  const b = await enqueueEmail({ to: "b@example.org", subject: "Second", text: "Hello B" });
  const { sent, send } = recordingSender();

  expect(await deliverDueEmails(send)).toEqual({ sent: 2, retrying: 0, failed: 0 });
  expect(sent).toEqual(
    expect.arrayContaining([
      { to: "a@example.org", subject: "First", text: "Hello A" },
      { to: "b@example.org", subject: "Second", text: "Hello B" },
    ]),
  );
  expect(sent).toHaveLength(2);
  for (const { id } of [a, b]) {
    const row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("sent");
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.attempts).toBe(1);
  }

  // Running the deliverer again sends nothing more.
  expect(await deliverDueEmails(send)).toEqual({ sent: 0, retrying: 0, failed: 0 });
  expect(sent).toHaveLength(2);
});

test("a message waiting for a later attempt is not sent early", async () => {
  await db.emailMessage.deleteMany();
  const later = await enqueueEmail({ to: "later@example.org", subject: "Later", text: "Not yet" });
  await db.emailMessage.update({ where: { id: later.id }, data: { nextAttemptAt: new Date(Date.now() + 5 * MINUTE) } });
  const { sent, send } = recordingSender();

  await deliverDueEmails(send);
  expect(sent).toHaveLength(0);
  await deliverDueEmails(send, { now: new Date(Date.now() + 6 * MINUTE) });
  expect(sent.map((email) => email.to)).toEqual(["later@example.org"]);
});

test("two deliverers running at once send each message exactly once", async () => {
  await db.emailMessage.deleteMany();
  const ids: string[] = [];
  for (let i = 0; i < 12; i++)
    ids.push((await enqueueEmail({ to: `person${i}@example.org`, subject: `Message ${i}`, text: `Body ${i}` })).id);
  const { sent, send } = recordingSender({ delayMs: 15 });

  const [first, second] = await Promise.all([deliverDueEmails(send), deliverDueEmails(send)]);

  expect(first.sent + second.sent).toBe(12);
  // Both really worked side by side.
  expect(first.sent).toBeGreaterThan(0);
  expect(second.sent).toBeGreaterThan(0);
  expect(sent).toHaveLength(12);
  expect(new Set(sent.map((email) => email.to)).size).toBe(12);
  const rows = await db.emailMessage.findMany({ where: { id: { in: ids } } });
  expect(rows.map((row) => row.status)).toEqual(Array(12).fill("sent"));
  expect(rows.map((row) => row.attempts)).toEqual(Array(12).fill(1));
});

test("when the mail server fails, the message waits and is tried again, and is given up after the last attempt", async () => {
  await db.emailMessage.deleteMany();
  const { id } = await enqueueEmail({ to: "flaky@example.org", subject: "Retry me", text: "Hello" });
  let calls = 0;
  const failing = async () => {
    calls++;
    throw new Error("421 Service not available");
  };

  let now = new Date();
  expect(await deliverDueEmails(failing, { now })).toEqual({ sent: 0, retrying: 1, failed: 0 });
  let row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
  expect(row.status).toBe("pending");
  expect(row.attempts).toBe(1);
  expect(row.lastError).toBe("421 Service not available");
  expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + 1 * MINUTE);

  // Not before the wait is over.
  expect(await deliverDueEmails(failing, { now: new Date(now.getTime() + 30_000) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
  expect(calls).toBe(1);

  // Then 5 minutes, half an hour, two hours.
  for (const [attempt, waitMinutes] of [
    [2, 5],
    [3, 30],
    [4, 120],
  ]) {
    now = row.nextAttemptAt;
    expect(await deliverDueEmails(failing, { now })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("pending");
    expect(row.attempts).toBe(attempt);
    expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + waitMinutes * MINUTE);
  }
  expect(MAX_ATTEMPTS).toBe(5);

  now = row.nextAttemptAt;
  expect(await deliverDueEmails(failing, { now })).toEqual({ sent: 0, retrying: 0, failed: 1 });
  row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
  expect(row.status).toBe("failed");
  expect(row.attempts).toBe(MAX_ATTEMPTS);
  expect(row.lastError).toBe("421 Service not available");
  expect(calls).toBe(MAX_ATTEMPTS);

  // A failed message is left alone from then on.
  expect(await deliverDueEmails(failing, { now: new Date(now.getTime() + 24 * 60 * MINUTE) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
  expect(calls).toBe(MAX_ATTEMPTS);
});

test("a message that fails once is delivered on the next attempt", async () => {
  await db.emailMessage.deleteMany();
  const { id } = await enqueueEmail({ to: "second-time@example.org", subject: "Hi", text: "Hello" });
  let calls = 0;
  const flaky = async () => {
    if (++calls === 1) throw new Error("Connection reset");
  };
  const now = new Date();
  await deliverDueEmails(flaky, { now });
  await deliverDueEmails(flaky, { now: new Date(now.getTime() + 2 * MINUTE) });
  const row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
  expect(row.status).toBe("sent");
  expect(row.lastError).toBeNull();
  expect(calls).toBe(2);
});

test("a message claimed by a process that died while sending is delivered again after ten minutes", async () => {
  await db.emailMessage.deleteMany();
  const stale = await enqueueEmail({ to: "stale@example.org", subject: "Stale", text: "Hello" });
  const recent = await enqueueEmail({ to: "busy@example.org", subject: "In flight", text: "Hello" });
  await db.emailMessage.update({
    where: { id: stale.id },
    data: { status: "sending", attempts: 1, claimedAt: new Date(Date.now() - 11 * MINUTE) },
  });
  // Another process is sending this one right now: leave it alone.
  await db.emailMessage.update({
    where: { id: recent.id },
    data: { status: "sending", attempts: 1, claimedAt: new Date(Date.now() - 2 * MINUTE) },
  });
  const { sent, send } = recordingSender();

  expect(await deliverDueEmails(send)).toEqual({ sent: 1, retrying: 0, failed: 0 });
  expect(sent.map((email) => email.to)).toEqual(["stale@example.org"]);
  const row = await db.emailMessage.findUniqueOrThrow({ where: { id: stale.id } });
  expect(row.status).toBe("sent");
  expect(row.attempts).toBe(2);
  expect((await db.emailMessage.findUniqueOrThrow({ where: { id: recent.id } })).status).toBe("sending");
});

test("messages go out oldest first, and no more than the limit per run", async () => {
  await db.emailMessage.deleteMany();
  const base = Date.now() - 10 * MINUTE;
  for (let i = 0; i < 4; i++) {
    await db.emailMessage.create({
      data: { to: `n${i}@example.org`, subject: `n${i}`, text: "x", createdAt: new Date(base + (3 - i) * 1000) },
    });
  }
  const { sent, send } = recordingSender();
  expect(await deliverDueEmails(send, { limit: 3 })).toEqual({ sent: 3, retrying: 0, failed: 0 });
  expect(sent.map((email) => email.to)).toEqual(["n3@example.org", "n2@example.org", "n1@example.org"]);
  expect(await db.emailMessage.count({ where: { status: "pending" } })).toBe(1);
});

test("a deliverer busy for more than ten minutes keeps the messages it claims late in its run", async () => {
  await db.emailMessage.deleteMany();
  const start = Date.now();
  await db.emailMessage.create({
    data: { to: "slow@example.org", subject: "A", text: "x", createdAt: new Date(start - 2000), nextAttemptAt: new Date(start - 2000) },
  });
  await db.emailMessage.create({
    data: { to: "late@example.org", subject: "B", text: "x", createdAt: new Date(start - 1000), nextAttemptAt: new Date(start - 1000) },
  });

  // Only the clock is faked: the first message takes eleven minutes to send.
  vi.useFakeTimers({ toFake: ["Date"], now: start });
  try {
    const calls: string[] = [];
    let lateStarted!: () => void;
    let releaseLate!: () => void;
    const started = new Promise<void>((resolve) => (lateStarted = resolve));
    const released = new Promise<void>((resolve) => (releaseLate = resolve));
    const slowSender = async (email: OutgoingEmail) => {
      calls.push(email.to);
      if (email.to === "slow@example.org") vi.setSystemTime(start + 11 * MINUTE);
      else {
        lateStarted();
        await released;
      }
    };
    const busy = deliverDueEmails(slowSender);
    await started;

    // Another process looks while the busy one is still sending its second message.
    const other = recordingSender();
    expect(await deliverDueEmails(other.send)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    releaseLate();
    expect(await busy).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(calls).toEqual(["slow@example.org", "late@example.org"]);
    expect(other.sent).toEqual([]);
  } finally {
    vi.useRealTimers();
  }
});

test("the outbox shows staff which link went and when it expires, never the token, and records each look", async () => {
  await db.emailMessage.deleteMany();
  const appUrl = "https://le.test";
  const resetting = await createUser();
  const unconfirmed = await createUser({ confirmed: false });
  const officer = await createUser({ role: "officer", password: null });
  const staff = await createUser({ role: "staff" });
  await requestPasswordReset({ email: resetting.email, appUrl }, { ip: "192.0.2.1" });
  await resendEmailConfirmation({ email: unconfirmed.email, appUrl }, { ip: "192.0.2.1" });
  await sendInvitation({ userId: officer.id, appUrl });
  const tokens = [
    ...(await emailedTokens({ to: resetting.email, appUrl, path: "reset-password" })),
    ...(await emailedTokens({ to: unconfirmed.email, appUrl, path: "confirm-email" })),
    ...(await emailedTokens({ to: officer.email, appUrl, path: "invitation" })),
  ];
  expect(tokens).toHaveLength(3);

  const { messages } = await listOutbox({ viewerId: staff.id }, { ip: "192.0.2.9", userAgent: "Vitest" });
  const shown = JSON.stringify(messages);
  for (const token of tokens) expect(shown).not.toContain(token);
  const byRecipient = Object.fromEntries(messages.map((message) => [message.to, message]));
  expect(byRecipient[resetting.email].text).toContain("[Password reset link: hidden, only the addressee can see it]");
  expect(byRecipient[unconfirmed.email].sentLinks.map((link) => link.name)).toEqual(["Email confirmation link"]);
  const invitation = byRecipient[officer.email];
  expect(invitation.sentLinks.map((link) => link.name)).toEqual(["Invitation link"]);
  expect(invitation.sentLinks[0].expiresAt.getTime() - invitation.createdAt.getTime()).toBe(7 * 24 * 3_600_000);

  const looks = await db.auditEvent.findMany({ where: { type: "outbox-viewed", actorId: staff.id } });
  expect(looks).toEqual([expect.objectContaining({ detail: "Page 1", ip: "192.0.2.9", userAgent: "Vitest" })]);

  // Once delivered, the stored copy keeps no link either.
  await deliverDueEmails(async () => undefined);
  const stored = await db.emailMessage.findMany({ where: { to: { in: [resetting.email, unconfirmed.email, officer.email] } } });
  for (const token of tokens) expect(JSON.stringify(stored)).not.toContain(token);
});

test("while a message is being sent, the outbox shows it as sending, claimed just then", async () => {
  await db.emailMessage.deleteMany();
  const { id } = await enqueueEmail({ to: "watched@example.org", subject: "Hi", text: "Hello" });
  const seen: { status: string; attempts: number; claimedAt: Date | null }[] = [];
  const before = Date.now();
  await deliverDueEmails(async () => {
    seen.push(await db.emailMessage.findUniqueOrThrow({ where: { id }, select: { status: true, attempts: true, claimedAt: true } }));
  });
  expect(seen).toEqual([{ status: "sending", attempts: 1, claimedAt: expect.any(Date) }]);
  expect(seen[0].claimedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
});

test("the reason a send failed is kept, up to 500 characters; a failure with no message is recorded as unknown", async () => {
  await db.emailMessage.deleteMany();
  const { id } = await enqueueEmail({ to: "long@example.org", subject: "Hi", text: "Hello" });
  await deliverDueEmails(async () => {
    throw new Error(`550 ${"x".repeat(600)}`);
  });
  expect((await db.emailMessage.findUniqueOrThrow({ where: { id } })).lastError).toBe(`550 ${"x".repeat(496)}`);

  await db.emailMessage.deleteMany();
  const odd = await enqueueEmail({ to: "odd@example.org", subject: "Hi", text: "Hello" });
  await deliverDueEmails(async () => {
    throw "connection dropped";
  });
  expect(await db.emailMessage.findUniqueOrThrow({ where: { id: odd.id } })).toMatchObject({ status: "pending", lastError: "Unknown error" });
});

test("a token link is hidden whole, over http as well as https, and other links are left alone", () => {
  const text = [
    "Open http://localhost:3000/reset-password/Ab-9_zz to reset.",
    "Or https://le.test/confirm-email/tok-EN_1.",
    "Neu https://le.test/invitation/tok-CY_2?lng=cy i ddechrau.",
    "Sign in at https://le.test/login or read https://le.test/invitations/list.",
  ].join("\n");
  expect(hideSecretLinks(text)).toEqual({
    text: [
      "Open [Password reset link: hidden, only the addressee can see it] to reset.",
      "Or [Email confirmation link: hidden, only the addressee can see it].",
      "Neu [Invitation link: hidden, only the addressee can see it] i ddechrau.",
      "Sign in at https://le.test/login or read https://le.test/invitations/list.",
    ].join("\n"),
    links: ["reset-password", "confirm-email", "invitation"],
  });
});

test("the outbox shows the newest messages first, a page at a time, with what staff need to see of each", async () => {
  await db.emailMessage.deleteMany();
  const staff = await createUser({ role: "staff" });
  const origin = { ip: "192.0.2.9" };
  expect(await listOutbox({ viewerId: staff.id }, origin)).toEqual({ messages: [], total: 0, pages: 1 });

  const base = Date.now() - 60 * MINUTE;
  await db.emailMessage.createMany({
    data: Array.from({ length: OUTBOX_PAGE_SIZE * 2 + 1 }, (_, i) => ({
      // Ids that run the other way from the times, so the order shown can only come from the times.
      id: `msg-${String(900 - i).padStart(3, "0")}`,
      to: `n${i}@example.org`,
      subject: `Message ${i}`,
      text: `Body ${i}`,
      createdAt: new Date(base + i * 1000),
    })),
  });
  // Five written in the same instant come newest id first.
  const sameTime = new Date(base + 10 * MINUTE);
  for (const id of ["same-c", "same-a", "same-e", "same-b", "same-d"]) {
    await db.emailMessage.create({ data: { id, to: `${id}@example.org`, subject: "Same", text: "x", createdAt: sameTime } });
  }
  await db.emailMessage.updateMany({ where: { to: "n0@example.org" }, data: { status: "failed", attempts: 5, lastError: "550 No such mailbox" } });

  const first = await listOutbox({ viewerId: staff.id }, origin);
  expect(first.total).toBe(OUTBOX_PAGE_SIZE * 2 + 6);
  expect(first.pages).toBe(3);
  expect(first.messages).toHaveLength(OUTBOX_PAGE_SIZE);
  expect(first.messages.slice(0, 5).map((m) => m.id)).toEqual(["same-e", "same-d", "same-c", "same-b", "same-a"]);
  expect(first.messages[5].to).toBe(`n${OUTBOX_PAGE_SIZE * 2}@example.org`);

  const last = await listOutbox({ page: 3, viewerId: staff.id }, origin);
  expect(last.messages.map((m) => m.to)).toEqual(["n5@example.org", "n4@example.org", "n3@example.org", "n2@example.org", "n1@example.org", "n0@example.org"]);
  expect(last.messages[5]).toEqual({
    id: expect.any(String),
    to: "n0@example.org",
    subject: "Message 0",
    text: "Body 0",
    status: "failed",
    attempts: 5,
    lastError: "550 No such mailbox",
    createdAt: new Date(base),
    sentLinks: [],
    attachedFiles: [],
    inLanguages: { subject: [{ language: null, text: "Message 0" }], text: [{ language: null, text: "Body 0" }] },
  });
  const looks = await db.auditEvent.findMany({ where: { type: "outbox-viewed", actorId: staff.id }, select: { detail: true } });
  expect(looks.map((look) => look.detail).sort()).toEqual(["Page 1", "Page 1", "Page 3"]);
});

test("in the outbox, a Welsh message is marked Welsh, and the English note where its link was hidden is marked English", async () => {
  await db.emailMessage.deleteMany();
  const staff = await createUser({ role: "staff" });
  const welshSpeaker = await createUser({ confirmed: false });
  await db.user.update({ where: { id: welshSpeaker.id }, data: { language: "cy" } });
  await resendEmailConfirmation({ email: welshSpeaker.email, appUrl: "https://le.test" }, { ip: "192.0.2.3" });
  const { messages } = await listOutbox({ viewerId: staff.id }, { ip: "192.0.2.9", userAgent: "Vitest" });
  const [message] = messages;
  expect(message.inLanguages.subject).toEqual([{ language: "cy", text: message.subject }]);
  expect(message.inLanguages.text.map((part) => part.text).join("")).toBe(message.text);
  expect(message.inLanguages.text.filter((part) => part.language === "en").map((part) => part.text)).toEqual([
    "[Email confirmation link: hidden, only the addressee can see it]",
  ]);
  expect(message.inLanguages.text.filter((part) => part.language === "cy").length).toBeGreaterThanOrEqual(1);
});

const INVITE = { filename: "invite.ics", contentType: "text/calendar; charset=utf-8; method=REQUEST", content: "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR" };
const AGENDA = { filename: "agenda.txt", contentType: "text/plain; charset=utf-8", content: "09:30 Welcome" };

test("a message's attachments are kept in the outbox and handed to the sender as they were queued", async () => {
  await db.emailMessage.deleteMany();
  const withFiles = await enqueueEmail({ to: "delegate@example.org", subject: "Your place", text: "See you there", attachments: [INVITE, AGENDA] });
  const withNone = await enqueueEmail({ to: "plain@example.org", subject: "Plain", text: "Nothing attached", attachments: [] });
  expect((await db.emailMessage.findUniqueOrThrow({ where: { id: withFiles.id } })).attachments).toBe(JSON.stringify([INVITE, AGENDA]));
  expect((await db.emailMessage.findUniqueOrThrow({ where: { id: withNone.id } })).attachments).toBeNull();
  const { sent, send } = recordingSender();

  await deliverDueEmails(send);

  const byRecipient = Object.fromEntries(sent.map((email) => [email.to, email]));
  expect(byRecipient["delegate@example.org"].attachments).toEqual([INVITE, AGENDA]);
  expect(byRecipient["plain@example.org"]).not.toHaveProperty("attachments");
});

test("the outbox tells staff which files a message carries, by name only", async () => {
  await db.emailMessage.deleteMany();
  const staff = await createUser({ role: "staff" });
  await enqueueEmail({ to: "delegate@example.org", subject: "Your place", text: "See you there", attachments: [INVITE, AGENDA] });
  await enqueueEmail({ to: "plain@example.org", subject: "Plain", text: "Nothing attached" });

  const { messages } = await listOutbox({ viewerId: staff.id }, { ip: "192.0.2.9" });

  const byRecipient = Object.fromEntries(messages.map((message) => [message.to, message]));
  expect(byRecipient["delegate@example.org"].attachedFiles).toEqual(["invite.ics", "agenda.txt"]);
  expect(byRecipient["plain@example.org"].attachedFiles).toEqual([]);
  expect(JSON.stringify(messages)).not.toContain("BEGIN:VCALENDAR");
});
