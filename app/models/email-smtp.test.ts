// Delivery through a real SMTP conversation with a small server on this machine.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterEach, expect, test, vi } from "vitest";
import { calendarInvite, type InviteMethod } from "~/courses/invites.server";
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

/** The parts of a raw MIME message: each one's headers (unfolded, names in lower case) and its body decoded. */
function mimeParts(raw: string) {
  const boundaries = [...raw.matchAll(/boundary="?([^"\s;]+)"?/gi)].map((match) => match[1].replace(/[.*+?^${}()|[\]\\-]/g, "\\$&"));
  const separator = new RegExp(`^--(?:${boundaries.join("|")})(?:--)?\\r?$`, "m");
  return raw
    .split(separator)
    .slice(1)
    .map((chunk) => {
      const [head, ...body] = chunk.replace(/^\r?\n/, "").split(/\r?\n\r?\n/);
      const headers: Record<string, string> = Object.fromEntries(
        head
          .replace(/\r?\n[ \t]+/g, " ")
          .split(/\r?\n/)
          .filter((line) => line.includes(":"))
          .map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]),
      );
      const encoded = body.join("\r\n\r\n").replace(/\r?\n$/, "");
      const encoding = headers["content-transfer-encoding"]?.toLowerCase();
      const bytes =
        encoding === "base64"
          ? Buffer.from(encoded, "base64")
          : encoding === "quoted-printable"
            ? Buffer.from(encoded.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1")
            : Buffer.from(encoded);
      return { headers, body: bytes.toString("utf8") };
    });
}

test.each<InviteMethod>(["REQUEST", "CANCEL"])(
  "a %s calendar file goes as a text/calendar alternative whose method is the file's METHOD, and as an .ics attachment",
  async (method) => {
    const smtp = await startSmtp();
    const invite = calendarInvite({
      bookingId: "booking-1",
      sequence: method === "CANCEL" ? 1 : 0,
      method,
      course: {
        id: "course-1",
        title: "Chairing meetings well",
        description: "A day on chairing council meetings.",
        startsAt: new Date("2027-06-10T08:30:00Z"),
        endsAt: new Date("2027-06-10T15:30:00Z"),
        format: "in-person",
        venue: "Guildhall",
        address: "1 High Street, Swansea",
        joiningLink: null,
        contactName: "Siân Evans",
        contactEmail: "courses@example.org",
      },
      attendee: { name: "Cllr Rhys Jones", email: "rhys.jones@example.org" },
      courseUrl: "https://learning.example/courses/course-1",
    });
    const agenda = { filename: "agenda.txt", contentType: "text/plain; charset=utf-8", content: "09:30 Welcome" };
    await enqueueEmail({ to: "rhys.jones@example.org", subject: "Your place", text: "See you there", attachments: [invite, agenda] });

    expect(await deliverDueEmails(smtpSender(smtp.url))).toEqual({ sent: 1, retrying: 0, failed: 0 });

    const parts = mimeParts(smtp.received[0].raw);
    const alternative = parts.filter((part) => /^text\/calendar\b/i.test(part.headers["content-type"] ?? ""));
    expect(alternative).toHaveLength(1);
    const headerMethod = /;\s*method=(\w+)/i.exec(alternative[0].headers["content-type"])?.[1];
    expect(headerMethod).toBe(method);
    expect(/^METHOD:(\w+)\r?$/m.exec(alternative[0].body)?.[1]).toBe(headerMethod);
    expect(alternative[0].body).toBe(invite.content);
    expect(alternative[0].headers["content-disposition"]).toBeUndefined();

    const attached = Object.fromEntries(
      parts.flatMap((part) => {
        const filename = /filename="?([^";]+)"?/.exec(part.headers["content-disposition"] ?? "")?.[1];
        return filename ? [[filename, part]] : [];
      }),
    );
    expect(Object.keys(attached).sort()).toEqual(["agenda.txt", invite.filename].sort());
    expect(attached[invite.filename].body).toBe(invite.content);
    expect(attached["agenda.txt"].headers["content-type"]).toMatch(/^text\/plain/);
    expect(attached["agenda.txt"].body).toBe("09:30 Welcome");
  },
);
