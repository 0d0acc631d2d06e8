// The mail catcher a trial uses instead of a mail server: what the app sends arrives whole, links intact.
import { afterEach, expect, test } from "vitest";
import type { SMTPServer } from "smtp-server";
import { smtpSender } from "~/models/email.server";
import { startMailCatcher, type CaughtMessage } from "./mail-catcher";

let server: SMTPServer | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

test("a message the app sends is shown with its subject, its text and its link exactly as written", async () => {
  const caught: CaughtMessage[] = [];
  server = await startMailCatcher({ port: 3251, onMessage: (message) => caught.push(message) });
  const link = `https://le.test/reset-password/${"Ab_9-".repeat(8)}`;
  const text = ["Dear Siân Ŵyn,", "", `${"A long line that the sender folds. ".repeat(4)}`, "", link, "", "100% yours, =3D not decoded twice"].join("\n");
  await smtpSender("smtp://127.0.0.1:3251")({ to: "sian@example.org", subject: "Ailosod eich cyfrinair – reset", text });
  expect(caught).toEqual([{ to: ["sian@example.org"], subject: "Ailosod eich cyfrinair – reset", text: text.trimEnd() }]);
});
