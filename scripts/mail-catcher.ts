// `npm run mail:catcher`: a mail server for trying the app on one machine without a real one. It takes
// every message the app sends and prints it here, links and all, to whoever runs it: the addressee, in a
// trial. Start the app with SMTP_URL=smtp://127.0.0.1:1025 (see the README). Development only: it uses
// the smtp-server dev dependency, and listens on this machine's loopback address only.
import { SMTPServer } from "smtp-server";

export type CaughtMessage = { to: string[]; subject: string; text: string };

/** Decodes a message as nodemailer writes it: one text part, quoted-printable or base64. */
export function readMessage(raw: string): { subject: string; text: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, " ");
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const header = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, "im").exec(head)?.[1]?.trim() ?? "";
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text =
    encoding === "base64"
      ? Buffer.from(body, "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? decodeQuotedPrintable(body)
        : body;
  return { subject: decodeWords(header("Subject")), text: text.replace(/\r\n/g, "\n").trimEnd() };
}

function decodeQuotedPrintable(body: string) {
  const text = body.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i]));
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeWords(value: string) {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_match, kind: string, data: string) =>
    kind.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
  );
}

export function startMailCatcher({ port, onMessage }: { port: number; onMessage: (message: CaughtMessage) => void }) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 1024 * 1024,
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (raw += chunk));
      stream.on("end", () => {
        onMessage({ to: session.envelope.rcptTo.map((r) => r.address), ...readMessage(raw) });
        callback();
      });
    },
  });
  return new Promise<SMTPServer>((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.MAIL_CATCHER_PORT || 1025);
  await startMailCatcher({
    port,
    onMessage({ to, subject, text }) {
      console.log(`\n──── ${new Date().toLocaleTimeString("en-GB")}  To: ${to.join(", ")}\nSubject: ${subject}\n\n${text}\n`);
    },
  });
  console.log(`Mail catcher listening on smtp://127.0.0.1:${port}. Start the app with SMTP_URL=smtp://127.0.0.1:${port}`);
}
