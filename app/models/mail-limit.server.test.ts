// Limits on the mail anyone can make the service send: per recipient and per client address, counted in
// the database, silent to the person asking.
import { randomBytes } from "node:crypto";
import { afterEach, expect, test, vi } from "vitest";
import { db } from "~/utils/db.server";
import { createCouncil, createUser } from "../../tests/factories";
import { emailedTokens } from "../../tests/outbox";
import { requestPasswordReset, resendEmailConfirmation, setPasswordWithToken, signUpCouncillor } from "./account.server";
import { MAIL_PER_RECIPIENT, MAIL_WINDOW_MINUTES, mailPerClientAddress } from "./mail-limit.server";

const APP_URL = "https://le.test";

function freshIp() {
  const [a, b, c] = randomBytes(3);
  return `10.${a}.${b}.${c}`;
}

afterEach(() => {
  vi.restoreAllMocks();
});

const mailTo = (to: string) => db.emailMessage.count({ where: { to } });

test("fifty password resets asked for one address, from fifty addresses, send it five emails", async () => {
  const user = await createUser();
  for (let i = 0; i < 50; i++) {
    expect(await requestPasswordReset({ email: user.email, appUrl: APP_URL }, { ip: freshIp() })).toBeUndefined();
  }
  expect(MAIL_PER_RECIPIENT).toBe(5);
  expect(await mailTo(user.email)).toBe(5);
});

test("fifty resets asked for at once still send no more than five, on either database", async () => {
  const user = await createUser();
  const ip = freshIp();
  await Promise.all(Array.from({ length: 50 }, () => requestPasswordReset({ email: user.email, appUrl: APP_URL }, { ip })));
  const sent = await mailTo(user.email);
  expect(sent).toBeLessThanOrEqual(MAIL_PER_RECIPIENT);
  // A burst larger than the limit may be refused whole; it does not hold up the next request.
  await requestPasswordReset({ email: user.email, appUrl: APP_URL }, { ip: freshIp() });
  expect(await mailTo(user.email)).toBe(Math.min(sent + 1, MAIL_PER_RECIPIENT));
});

test("a refused request does not replace the link already sent: the last link that went out still works", async () => {
  const user = await createUser();
  for (let i = 0; i < 8; i++) await requestPasswordReset({ email: user.email, appUrl: APP_URL }, { ip: freshIp() });
  const tokens = await emailedTokens({ to: user.email, appUrl: APP_URL, path: "reset-password" });
  expect(tokens).toHaveLength(5);
  const outcome = await setPasswordWithToken({ token: tokens[4], password: "copper-heron-meadow-19", purpose: "reset-password" }, { ip: freshIp() });
  expect(outcome.status).toBe("password-set");
});

test("confirmation resends and sign-ups with an address in use count against the same limit", async () => {
  const council = await createCouncil();
  const email = `waiting-${randomBytes(4).toString("hex")}@example.org`;
  const signUp = () =>
    signUpCouncillor(
      { name: "Priya Shah", email, password: "copper-heron-meadow-19", councilId: council.id, electedOn: new Date("2026-05-07"), language: "en" },
      { appUrl: APP_URL, origin: { ip: freshIp() } },
    );
  expect((await signUp()).status).toBe("created");
  for (let i = 0; i < 3; i++) await resendEmailConfirmation({ email, appUrl: APP_URL }, { ip: freshIp() });
  for (let i = 0; i < 3; i++) expect((await signUp()).status).toBe("email-taken");
  expect(await mailTo(email)).toBe(5);
});

test("one client address can ask for mail to many addresses only up to its own limit; another address is not affected", async () => {
  const limit = mailPerClientAddress();
  const ip = freshIp();
  const users = await Promise.all(Array.from({ length: limit + 3 }, () => createUser()));
  for (const user of users) await requestPasswordReset({ email: user.email, appUrl: APP_URL }, { ip });
  expect(await db.emailMessage.count({ where: { to: { in: users.map((u) => u.email) } } })).toBe(limit);

  const last = users[users.length - 1];
  expect(await mailTo(last.email)).toBe(0);
  await requestPasswordReset({ email: last.email, appUrl: APP_URL }, { ip: freshIp() });
  expect(await mailTo(last.email)).toBe(1);
});

test(`mail asked for more than ${MAIL_WINDOW_MINUTES} minutes ago no longer counts`, async () => {
  const user = await createUser();
  const longAgo = new Date(Date.now() - (MAIL_WINDOW_MINUTES + 1) * 60_000);
  await db.mailRequest.createMany({ data: Array.from({ length: 5 }, () => ({ recipient: user.email, ip: freshIp(), createdAt: longAgo })) });
  await requestPasswordReset({ email: user.email, appUrl: APP_URL }, { ip: freshIp() });
  expect(await mailTo(user.email)).toBe(1);

  await db.mailRequest.createMany({ data: Array.from({ length: 5 }, () => ({ recipient: user.email, ip: freshIp() })) });
  await requestPasswordReset({ email: user.email, appUrl: APP_URL }, { ip: freshIp() });
  expect(await mailTo(user.email)).toBe(1);
});

test("about one request in twenty that may be sent also removes requests too old to count, and only those", async () => {
  const longAgo = new Date(Date.now() - (MAIL_WINDOW_MINUTES + 1) * 60_000);
  const old = await db.mailRequest.create({ data: { recipient: `old-${randomBytes(4).toString("hex")}@example.org`, ip: freshIp(), createdAt: longAgo } });
  const recent = await db.mailRequest.create({ data: { recipient: `recent-${randomBytes(4).toString("hex")}@example.org`, ip: freshIp() } });
  const user = await createUser();

  vi.spyOn(Math, "random").mockReturnValue(0.05);
  await requestPasswordReset({ email: user.email, appUrl: APP_URL }, { ip: freshIp() });
  expect(await db.mailRequest.findUnique({ where: { id: old.id } })).not.toBeNull();

  vi.spyOn(Math, "random").mockReturnValue(0.0499);
  await requestPasswordReset({ email: user.email, appUrl: APP_URL }, { ip: freshIp() });
  expect(await db.mailRequest.findUnique({ where: { id: old.id } })).toBeNull();
  expect(await db.mailRequest.findUnique({ where: { id: recent.id } })).not.toBeNull();
  expect(await mailTo(user.email)).toBe(2);
});
