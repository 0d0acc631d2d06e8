// Delivery through a real SMTP conversation with a small server on this machine.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterEach, expect, test, vi } from "vitest";
import { db } from "~/utils/db.server";
import { deliverDueEmails, enqueueEmail, smtpSender } from "./email.server";

let server: SMTPServer | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function startSmtp({ refuse = false } = {}) {
  const received: { to: string[]; raw: string }[] = [];
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(refuse ? Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }) : undefined);
    },
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk) => (raw += chunk));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received };
}

test("a queued email is delivered by SMTP and marked sent", async () => {
  const smtp = await startSmtp();
  const { id } = await enqueueEmail({ to: "cllr.jones@example.org", subject: "Confirm your email address", text: "Open this link" });
  const outcome = await deliverDueEmails(smtpSender(smtp.url, "Leadership Essentials <no-reply@example.org>"));
  expect(outcome).toEqual({ sent: 1, retrying: 0, failed: 0 });
  expect(smtp.received).toHaveLength(1);
  expect(smtp.received[0].to).toEqual(["cllr.jones@example.org"]);
  expect(smtp.received[0].raw).toContain("Subject: Confirm your email address");
  const message = await db.emailMessage.findUniqueOrThrow({ where: { id } });
  expect(message.status).toBe("sent");
  expect(message.sentAt).not.toBeNull();
});

test("a message the mail server refuses waits for a retry with the reason recorded", async () => {
  const smtp = await startSmtp({ refuse: true });
  const { id } = await enqueueEmail({ to: "nobody@example.org", subject: "Reset your password", text: "Open this link" });
  const outcome = await deliverDueEmails(smtpSender(smtp.url));
  expect(outcome).toEqual({ sent: 0, retrying: 1, failed: 0 });
  const message = await db.emailMessage.findUniqueOrThrow({ where: { id } });
  expect(message.status).toBe("pending");
  expect(message.attempts).toBe(1);
  expect(message.lastError).toMatch(/Mailbox unavailable/);
  expect(message.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
});

test("mail comes from MAIL_FROM when it is set, and from the service's own no-reply address when not", async () => {
  const smtp = await startSmtp();
  try {
    vi.stubEnv("MAIL_FROM", "");
    await smtpSender(smtp.url)({ to: "a@example.org", subject: "One", text: "Hello" });
    vi.stubEnv("MAIL_FROM", "Council Learning <learning@council.example>");
    await smtpSender(smtp.url)({ to: "b@example.org", subject: "Two", text: "Hello" });
  } finally {
    vi.unstubAllEnvs();
  }
  expect(smtp.received.map((message) => /^From: (.*)$/m.exec(message.raw)?.[1])).toEqual([
    "Leadership Essentials <no-reply@leadership-essentials.local>",
    "Council Learning <learning@council.example>",
  ]);
});
