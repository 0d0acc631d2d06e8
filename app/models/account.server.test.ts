import { randomBytes } from "node:crypto";
import { expect, test, vi } from "vitest";
import { createCouncil, createUser, TEST_PASSWORD } from "../../tests/factories";
import { db } from "~/utils/db.server";
import { emailedTokens } from "../../tests/outbox";
import { readSession, startSession } from "~/utils/session.server";
import { hashToken } from "~/utils/tokens.server";
import {
  changePassword,
  confirmEmail,
  isEmailTaken,
  requestPasswordReset,
  resendEmailConfirmation,
  setPasswordWithToken,
  signIn,
  signUpCouncillor,
  userForToken,
} from "./account.server";
import { checkToken } from "./user-token.server";

const APP_URL = "https://le.test";
const NEW_PASSWORD = "copper-heron-meadow-19";

function tag() {
  return randomBytes(4).toString("hex");
}

/** A client address of its own for each test, so the per-address throttle of one test never touches another. */
function freshIp() {
  const [a, b, c] = randomBytes(3);
  return `10.${a}.${b}.${c}`;
}

function linkTokens(to: string, path: "confirm-email" | "reset-password") {
  return emailedTokens({ to, appUrl: APP_URL, path });
}

async function signUp(overrides: Partial<{ name: string; email: string; password: string }> = {}) {
  const council = await createCouncil();
  const email = overrides.email ?? `cllr-${tag()}@example.org`;
  const outcome = await signUpCouncillor(
    {
      name: overrides.name ?? "Priya Shah",
      email,
      password: overrides.password ?? NEW_PASSWORD,
      councilId: council.id,
      electedOn: new Date("2026-05-07"),
      language: "en",
    },
    { appUrl: APP_URL, origin: { ip: "198.51.100.7", userAgent: "Vitest" } },
  );
  return { outcome, council, email: email.trim().toLowerCase() };
}

test("signing up creates an unconfirmed councillor and emails a confirmation link that works once", async () => {
  const typed = `  Priya.Shah.${tag()}@Example.ORG `;
  const { outcome, council, email } = await signUp({ email: typed });
  expect(outcome.status).toBe("created");

  const user = await db.user.findUniqueOrThrow({ where: { email } });
  expect(user.email).toBe(typed.trim().toLowerCase());
  expect(user.role).toBe("councillor");
  // The council they named is a claim, for its officer to confirm.
  expect(user.councilId).toBeNull();
  const memberships = await db.membership.findMany({ where: { userId: user.id } });
  expect(memberships).toEqual([
    expect.objectContaining({ councilId: council.id, kind: "elected", memberSince: new Date("2026-05-07T00:00:00Z"), confirmedAt: null, leftOfficeOn: null }),
  ]);
  expect(user.language).toBe("en");
  expect(user.emailConfirmedAt).toBeNull();
  expect(user.passwordHash).toMatch(/^\$argon2id\$/);

  const tokens = await linkTokens(email, "confirm-email");
  expect(tokens).toHaveLength(1);
  const message = await db.emailMessage.findFirstOrThrow({ where: { to: email } });
  expect(message.status).toBe("pending");
  expect(message.text).toContain("Dear Priya Shah");

  expect(await confirmEmail(tokens[0], { ip: "198.51.100.7" })).toBe("confirmed");
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailConfirmedAt).toBeInstanceOf(Date);
  expect(await confirmEmail(tokens[0], { ip: "198.51.100.7" })).toBe("used");
});

test("the database keeps only a hash of a confirmation link's token", async () => {
  const { email } = await signUp();
  const [token] = await linkTokens(email, "confirm-email");
  expect(await db.userToken.findUnique({ where: { tokenHash: token } })).toBeNull();
  expect(await db.userToken.findUnique({ where: { tokenHash: hashToken(token) } })).not.toBeNull();
});

test("signing up with an address in use, in any mix of case, creates nothing and tells its holder by email, with no link to use", async () => {
  const existing = await createUser({ email: `taken-${tag()}@example.org` });
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: existing.id } });
  const { outcome } = await signUp({ email: existing.email.toUpperCase(), name: "Someone Else" });
  expect(outcome.status).toBe("email-taken");
  expect(await db.user.count({ where: { email: existing.email } })).toBe(1);
  expect((await db.user.findUniqueOrThrow({ where: { id: existing.id } })).passwordHash).toBe(passwordHash);

  const messages = await db.emailMessage.findMany({ where: { to: existing.email } });
  expect(messages.map((m) => m.subject)).toEqual(["Someone tried to create a Leadership Essentials account with your email address"]);
  expect(messages[0].text).toContain(`${APP_URL}/login`);
  expect(messages[0].text).not.toContain("Someone Else");
  expect(await db.userToken.count({ where: { userId: existing.id } })).toBe(0);
  expect(await db.auditEvent.count({ where: { type: "sign-up-existing-email", userId: existing.id } })).toBe(1);
});

test("signing up takes as long for an address in use as for a new one: the password is hashed either way", async () => {
  const existing = await createUser({ email: `taken-${tag()}@example.org` });
  const time = async (email: string) => {
    const started = performance.now();
    await signUp({ email });
    return performance.now() - started;
  };
  await time(`warm-${tag()}@example.org`);
  const taken: number[] = [];
  const fresh: number[] = [];
  for (let i = 0; i < 5; i++) {
    taken.push(await time(existing.email));
    fresh.push(await time(`fresh-${tag()}@example.org`));
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[2];
  // A password hash takes about 60 ms: without one, the address in use would answer in a few.
  expect(median(taken)).toBeGreaterThan(median(fresh) * 0.6);
});

test("a new councillor cannot sign in until they confirm their email address", async () => {
  const { email } = await signUp();
  const ip = freshIp();
  expect(await signIn({ email, password: NEW_PASSWORD }, { ip })).toEqual({ status: "unconfirmed" });
  // A wrong password says nothing about whether the account is confirmed.
  expect(await signIn({ email, password: "not-the-password-1" }, { ip })).toEqual({ status: "invalid" });

  const [token] = await linkTokens(email, "confirm-email");
  expect(await confirmEmail(token, { ip })).toBe("confirmed");
  const outcome = await signIn({ email, password: NEW_PASSWORD }, { ip });
  expect(outcome.status).toBe("signed-in");
});

test("a confirmation link stops working 24 hours after it was sent", async () => {
  const { email } = await signUp();
  const [token] = await linkTokens(email, "confirm-email");
  const row = await db.userToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
  const lifetime = row.expiresAt.getTime() - Date.now();
  expect(lifetime).toBeGreaterThan(24 * 3_600_000 - 60_000);
  expect(lifetime).toBeLessThanOrEqual(24 * 3_600_000);

  // 23 hours 59 minutes later: still good.
  await db.userToken.update({ where: { id: row.id }, data: { expiresAt: new Date(row.expiresAt.getTime() - (24 * 60 - 1) * 60_000) } });
  expect((await checkToken(token, "confirm-email")).status).toBe("valid");

  // A day later: refused, and the account stays unconfirmed.
  await db.userToken.update({ where: { id: row.id }, data: { expiresAt: new Date(row.expiresAt.getTime() - 24 * 3_600_000) } });
  expect(await confirmEmail(token, { ip: "198.51.100.7" })).toBe("expired");
  expect((await db.user.findUniqueOrThrow({ where: { email } })).emailConfirmedAt).toBeNull();
});

test("asking for a new confirmation email makes the earlier link stop working", async () => {
  const { email } = await signUp();
  const [first] = await linkTokens(email, "confirm-email");
  await resendEmailConfirmation({ email: email.toUpperCase(), appUrl: APP_URL }, { ip: freshIp() });
  const tokens = await linkTokens(email, "confirm-email");
  expect(tokens).toHaveLength(2);
  const second = tokens.find((token) => token !== first)!;
  expect(second).toBeTruthy();

  expect(await confirmEmail(first, { ip: "198.51.100.7" })).toBe("unknown");
  expect((await db.user.findUniqueOrThrow({ where: { email } })).emailConfirmedAt).toBeNull();
  expect(await confirmEmail(second, { ip: "198.51.100.7" })).toBe("confirmed");
});

test("no confirmation email is sent for an address that is unknown or already confirmed", async () => {
  const confirmed = await createUser();
  const unknown = `nobody-${tag()}@example.org`;
  await resendEmailConfirmation({ email: confirmed.email, appUrl: APP_URL }, { ip: freshIp() });
  await resendEmailConfirmation({ email: unknown, appUrl: APP_URL }, { ip: freshIp() });
  expect(await db.emailMessage.count({ where: { to: { in: [confirmed.email, unknown] } } })).toBe(0);
});

test("a wrong password and an unknown email get the same answer", async () => {
  const user = await createUser();
  const ip = freshIp();
  const wrongPassword = await signIn({ email: user.email, password: "wrong-password-123" }, { ip });
  const unknownEmail = await signIn({ email: `nobody-${tag()}@example.org`, password: TEST_PASSWORD }, { ip });
  expect(wrongPassword).toEqual({ status: "invalid" });
  expect(unknownEmail).toEqual(wrongPassword);
});

test("a deactivated account cannot sign in, and is told the same as for a wrong password", async () => {
  const user = await createUser({ deactivated: true });
  expect(await signIn({ email: user.email, password: TEST_PASSWORD }, { ip: freshIp() })).toEqual({ status: "invalid" });
});

test("an invited officer who has not set a password yet cannot sign in", async () => {
  const officer = await createUser({ role: "officer", password: null });
  expect(await signIn({ email: officer.email, password: "" }, { ip: freshIp() })).toEqual({ status: "invalid" });
});

test("ten wrong passwords in a row lock the account for 15 minutes, even against the right password", async () => {
  const user = await createUser();
  const ip = freshIp();
  for (let i = 1; i <= 9; i++) {
    expect(await signIn({ email: user.email, password: `wrong-password-${i}` }, { ip })).toEqual({ status: "invalid" });
  }
  expect(await signIn({ email: user.email, password: "wrong-password-10" }, { ip })).toEqual({ status: "locked" });

  const locked = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  const lockMs = locked.lockedUntil!.getTime() - Date.now();
  expect(lockMs).toBeGreaterThan(14 * 60_000);
  expect(lockMs).toBeLessThanOrEqual(15 * 60_000);
  const lockout = await db.auditEvent.findFirst({ where: { type: "lockout", userId: user.id } });
  expect(lockout?.ip).toBe(ip);

  expect(await signIn({ email: user.email, password: TEST_PASSWORD }, { ip })).toEqual({ status: "locked" });

  // Fifteen minutes later the right password works again.
  await db.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
  expect((await signIn({ email: user.email, password: TEST_PASSWORD }, { ip })).status).toBe("signed-in");
});

test("a successful sign-in starts the count of wrong passwords again", async () => {
  const user = await createUser();
  const ip = freshIp();
  const wrongTimes = (n: number) =>
    Promise.all(Array.from({ length: n }, (_, i) => signIn({ email: user.email, password: `wrong-password-${i}` }, { ip })));
  // Nine wrong passwords, sent at once: each one counts.
  expect(await wrongTimes(9)).toEqual(Array(9).fill({ status: "invalid" }));
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(9);

  expect((await signIn({ email: user.email, password: TEST_PASSWORD }, { ip })).status).toBe("signed-in");
  expect(await wrongTimes(9)).toEqual(Array(9).fill({ status: "invalid" }));

  const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(after.lockedUntil).toBeNull();
  expect(after.failedSignIns).toBe(9);
  expect((await signIn({ email: user.email, password: TEST_PASSWORD }, { ip })).status).toBe("signed-in");
});

test("an unknown email is locked on the tenth try, exactly as a real account would be", async () => {
  const email = `nobody-${tag()}@example.org`;
  const ip = freshIp();
  const nine = await Promise.all(Array.from({ length: 9 }, (_, i) => signIn({ email, password: `guess-number-${i}` }, { ip })));
  expect(nine).toEqual(Array(9).fill({ status: "invalid" }));
  expect(await signIn({ email, password: "guess-number-10" }, { ip })).toEqual({ status: "locked" });
  expect(await signIn({ email: email.toUpperCase(), password: "guess-number-11" }, { ip })).toEqual({ status: "locked" });
  // Someone else's account is not affected.
  const other = await createUser();
  expect((await signIn({ email: other.email, password: TEST_PASSWORD }, { ip })).status).toBe("signed-in");
});

test("100 failed sign-ins from one address block it, even with a right password, while other addresses still sign in", async () => {
  const user = await createUser();
  const ip = freshIp();
  await db.signInFailure.createMany({
    data: Array.from({ length: 99 }, (_, i) => ({ ip, email: `guess-${i}-${tag()}@example.org` })),
  });
  // 99 failures: still allowed.
  expect((await signIn({ email: user.email, password: TEST_PASSWORD }, { ip })).status).toBe("signed-in");
  // The hundredth.
  expect(await signIn({ email: `nobody-${tag()}@example.org`, password: "wrong-password" }, { ip })).toEqual({ status: "invalid" });

  expect(await signIn({ email: user.email, password: TEST_PASSWORD }, { ip })).toEqual({ status: "throttled" });
  expect((await signIn({ email: user.email, password: TEST_PASSWORD }, { ip: freshIp() })).status).toBe("signed-in");
});

test("failed sign-ins older than 15 minutes no longer count against an address", async () => {
  const user = await createUser();
  const ip = freshIp();
  const sixteenMinutesAgo = new Date(Date.now() - 16 * 60_000);
  await db.signInFailure.createMany({
    data: Array.from({ length: 100 }, (_, i) => ({ ip, email: `guess-${i}@example.org`, createdAt: sixteenMinutesAgo })),
  });
  expect((await signIn({ email: user.email, password: TEST_PASSWORD }, { ip })).status).toBe("signed-in");
});

test("a password reset link works once", async () => {
  const user = await createUser();
  await requestPasswordReset({ email: user.email.toUpperCase(), appUrl: APP_URL }, { ip: freshIp() });
  const [token] = await linkTokens(user.email, "reset-password");
  expect(token).toBeTruthy();

  const ip = freshIp();
  const first = await setPasswordWithToken({ token, password: NEW_PASSWORD, purpose: "reset-password" }, { ip });
  expect(first).toEqual({ status: "password-set", userId: user.id });
  const second = await setPasswordWithToken({ token, password: "another-good-pass-phrase", purpose: "reset-password" }, { ip });
  expect(second).toEqual({ status: "used" });

  expect((await signIn({ email: user.email, password: NEW_PASSWORD }, { ip })).status).toBe("signed-in");
  expect(await signIn({ email: user.email, password: "another-good-pass-phrase" }, { ip })).toEqual({ status: "invalid" });
});

test("no reset email is sent for an unknown or deactivated address", async () => {
  const deactivated = await createUser({ deactivated: true });
  const unknown = `nobody-${tag()}@example.org`;
  await requestPasswordReset({ email: deactivated.email, appUrl: APP_URL }, { ip: freshIp() });
  await requestPasswordReset({ email: unknown, appUrl: APP_URL }, { ip: freshIp() });
  expect(await db.emailMessage.count({ where: { to: { in: [deactivated.email, unknown] } } })).toBe(0);
});

test("a password reset link stops working after one hour", async () => {
  const user = await createUser();
  await requestPasswordReset({ email: user.email, appUrl: APP_URL }, { ip: freshIp() });
  const [token] = await linkTokens(user.email, "reset-password");
  const row = await db.userToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });

  await db.userToken.update({ where: { id: row.id }, data: { expiresAt: new Date(row.expiresAt.getTime() - 59 * 60_000) } });
  expect((await userForToken(token, "reset-password")).status).toBe("valid");

  await db.userToken.update({ where: { id: row.id }, data: { expiresAt: new Date(row.expiresAt.getTime() - 60 * 60_000) } });
  const outcome = await setPasswordWithToken({ token, password: NEW_PASSWORD, purpose: "reset-password" }, { ip: freshIp() });
  expect(outcome).toEqual({ status: "expired" });
  expect((await signIn({ email: user.email, password: TEST_PASSWORD }, { ip: freshIp() })).status).toBe("signed-in");
});

test("a reset link sent before the account was deactivated no longer works", async () => {
  const user = await createUser();
  const { passwordHash: hashBefore } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  await requestPasswordReset({ email: user.email, appUrl: APP_URL }, { ip: freshIp() });
  const [token] = await linkTokens(user.email, "reset-password");
  await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
  const outcome = await setPasswordWithToken({ token, password: NEW_PASSWORD, purpose: "reset-password" }, { ip: freshIp() });
  expect(outcome).toEqual({ status: "unknown" });
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(hashBefore);
});

test('an officer whose invitation expired can still set a password with "Forgotten your password?"', async () => {
  const officer = await createUser({ role: "officer", password: null, confirmed: false });
  await requestPasswordReset({ email: officer.email, appUrl: APP_URL }, { ip: freshIp() });
  const [token] = await linkTokens(officer.email, "reset-password");
  const ip = freshIp();
  expect((await setPasswordWithToken({ token, password: NEW_PASSWORD, purpose: "reset-password" }, { ip })).status).toBe("password-set");
  expect((await signIn({ email: officer.email, password: NEW_PASSWORD }, { ip })).status).toBe("signed-in");
});

test("a reset link is not an invitation link", async () => {
  const user = await createUser();
  await requestPasswordReset({ email: user.email, appUrl: APP_URL }, { ip: freshIp() });
  const [token] = await linkTokens(user.email, "reset-password");
  const outcome = await setPasswordWithToken({ token, password: NEW_PASSWORD, purpose: "invitation" }, { ip: freshIp() });
  expect(outcome).toEqual({ status: "unknown" });
});

test("choosing a too-weak password on the reset page does not use up the link", async () => {
  const user = await createUser({ name: "Gareth Llewellyn" });
  await requestPasswordReset({ email: user.email, appUrl: APP_URL }, { ip: freshIp() });
  const [token] = await linkTokens(user.email, "reset-password");
  const ip = freshIp();

  for (const weak of ["password123", "short", "llewellyn-rules-ok"]) {
    const outcome = await setPasswordWithToken({ token, password: weak, purpose: "reset-password" }, { ip });
    expect(outcome.status).toBe("weak-password");
  }
  expect((await checkToken(token, "reset-password")).status).toBe("valid");
  expect((await setPasswordWithToken({ token, password: NEW_PASSWORD, purpose: "reset-password" }, { ip })).status).toBe("password-set");
});

test("resetting a password signs out every session and lifts a lockout", async () => {
  const user = await createUser();
  const cookies = [await startSession(user.id), await startSession(user.id)];
  await db.user.update({ where: { id: user.id }, data: { failedSignIns: 4, lockedUntil: new Date(Date.now() + 10 * 60_000) } });
  await requestPasswordReset({ email: user.email, appUrl: APP_URL }, { ip: freshIp() });
  const [token] = await linkTokens(user.email, "reset-password");

  const ip = freshIp();
  expect((await setPasswordWithToken({ token, password: NEW_PASSWORD, purpose: "reset-password" }, { ip })).status).toBe("password-set");

  expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  for (const cookie of cookies) expect((await readSession(cookie)).user).toBeNull();
  const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(after.lockedUntil).toBeNull();
  expect(after.failedSignIns).toBe(0);
  expect((await signIn({ email: user.email, password: NEW_PASSWORD }, { ip })).status).toBe("signed-in");

  const audit = await db.auditEvent.findFirstOrThrow({ where: { type: "password-reset", userId: user.id } });
  expect(audit.ip).toBe(ip);
});

test("changing a password needs the current one", async () => {
  const user = await createUser();
  const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  const outcome = await changePassword(
    { userId: user.id, currentPassword: "not-my-password", newPassword: NEW_PASSWORD },
    { ip: freshIp() },
  );
  expect(outcome).toEqual({ status: "wrong-password" });
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(before.passwordHash);
});

test("a common password cannot be chosen as a new password", async () => {
  const user = await createUser();
  const outcome = await changePassword(
    { userId: user.id, currentPassword: TEST_PASSWORD, newPassword: "Password1!" },
    { ip: freshIp() },
  );
  expect(outcome.status).toBe("weak-password");
  expect((await signIn({ email: user.email, password: TEST_PASSWORD }, { ip: freshIp() })).status).toBe("signed-in");
});

test("changing a password ends every earlier session, the one in use too, and starts a new one", async () => {
  const user = await createUser();
  const current = await startSession(user.id);
  const other = await startSession(user.id);
  const ip = freshIp();

  const outcome = await changePassword({ userId: user.id, currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }, { ip, userAgent: "Vitest" });
  expect(outcome.status).toBe("changed");
  expect((await readSession(current)).user).toBeNull();
  expect((await readSession(other)).user).toBeNull();
  if (outcome.status !== "changed") return;
  expect((await readSession(outcome.cookie)).user?.id).toBe(user.id);

  expect((await signIn({ email: user.email, password: NEW_PASSWORD }, { ip })).status).toBe("signed-in");
  expect(await signIn({ email: user.email, password: TEST_PASSWORD }, { ip })).toEqual({ status: "invalid" });

  const audit = await db.auditEvent.findFirstOrThrow({ where: { type: "password-changed", userId: user.id } });
  expect(audit.ip).toBe(ip);
  expect(audit.userAgent).toBe("Vitest");
});

test("the audit log records sign-ins, failed sign-ins and new accounts with who and where from", async () => {
  const ip = freshIp();
  const council = await createCouncil();
  const email = `audited-${tag()}@example.org`;
  const created = await signUpCouncillor(
    { name: "Audrey Hall", email, password: NEW_PASSWORD, councilId: council.id, electedOn: new Date("2025-05-01"), language: "en" },
    { appUrl: APP_URL, origin: { ip, userAgent: "Vitest" } },
  );
  if (created.status !== "created") throw new Error("sign-up failed");
  const userId = created.userId;
  const [token] = await linkTokens(email, "confirm-email");
  await confirmEmail(token, { ip });

  await signIn({ email, password: "wrong-password-1" }, { ip, userAgent: "Vitest" });
  await signIn({ email, password: NEW_PASSWORD }, { ip, userAgent: "Vitest" });
  const unknown = `nobody-${tag()}@example.org`;
  await signIn({ email: unknown, password: NEW_PASSWORD }, { ip });

  const events = await db.auditEvent.findMany({ where: { OR: [{ userId }, { email: unknown }] } });
  const ofType = (type: string) => events.filter((event) => event.type === type);

  expect(ofType("account-created")).toEqual([expect.objectContaining({ userId, ip, email, userAgent: "Vitest" })]);
  expect(ofType("email-confirmed")).toEqual([expect.objectContaining({ userId, ip })]);
  expect(ofType("sign-in")).toEqual([expect.objectContaining({ userId, ip, email })]);
  expect(ofType("sign-in-failed")).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ userId, ip, detail: "Wrong password" }),
      expect.objectContaining({ userId: null, ip, email: unknown }),
    ]),
  );
  expect(ofType("sign-in-failed")).toHaveLength(2);
});

test("an address is taken when someone else has it, in any mix of case, but not by its own holder", async () => {
  const holder = await createUser({ email: `holder-${tag()}@example.org` });
  expect(await isEmailTaken(` ${holder.email.toUpperCase()} `)).toBe(true);
  expect(await isEmailTaken(holder.email, (await createUser()).id)).toBe(true);
  expect(await isEmailTaken(holder.email, holder.id)).toBe(false);
  expect(await isEmailTaken(`nobody-${tag()}@example.org`)).toBe(false);
});

test("two sign-ups with the same new address at once make one account; the other is answered as for an address in use", async () => {
  const council = await createCouncil();
  const email = `twice-${tag()}@example.org`;
  const signUpAs = (name: string) =>
    signUpCouncillor(
      { name, email, password: NEW_PASSWORD, councilId: council.id, electedOn: new Date("2026-05-07"), language: "en" },
      { appUrl: APP_URL, origin: { ip: freshIp() } },
    );
  const outcomes = await Promise.all([signUpAs("Priya Shah"), signUpAs("Priya Shah")]);
  expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["created", "email-taken"]);
  expect(await db.user.count({ where: { email } })).toBe(1);
});

test("signing up with the address of a deactivated account creates nothing and sends no email, but is audited", async () => {
  const deactivated = await createUser({ deactivated: true });
  const { outcome } = await signUp({ email: deactivated.email });
  expect(outcome.status).toBe("email-taken");
  expect(await db.user.count({ where: { email: deactivated.email } })).toBe(1);
  expect(await db.emailMessage.count({ where: { to: deactivated.email } })).toBe(0);
  expect(await db.auditEvent.count({ where: { type: "sign-up-existing-email", userId: deactivated.id } })).toBe(1);
});

test("the audit log says what happened to each account, and why each sign-in failed", async () => {
  const ip = freshIp();
  const details = async (where: { userId?: string; email?: string }) =>
    (await db.auditEvent.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((event) => [event.type, event.detail]);

  const { outcome, email } = await signUp();
  if (outcome.status !== "created") throw new Error("sign-up failed");
  await signUp({ email });
  expect(await details({ userId: outcome.userId })).toEqual([
    ["account-created", "Signed up as a councillor"],
    ["membership-claimed", expect.stringMatching(/ Council$/)],
    ["sign-up-existing-email", "Sign-up refused: the address has an account"],
  ]);

  const unknown = `nobody-${tag()}@example.org`;
  await signIn({ email: unknown, password: NEW_PASSWORD }, { ip });
  expect(await details({ email: unknown })).toEqual([["sign-in-failed", "No such account"]]);

  const deactivated = await createUser({ deactivated: true });
  await signIn({ email: deactivated.email, password: TEST_PASSWORD }, { ip });
  expect(await details({ userId: deactivated.id })).toEqual([["sign-in-failed", "Account cannot sign in"]]);

  const locking = await createUser();
  await db.user.update({ where: { id: locking.id }, data: { failedSignIns: 9 } });
  await signIn({ email: locking.email, password: "wrong-password-10" }, { ip });
  await signIn({ email: locking.email, password: TEST_PASSWORD }, { ip });
  expect(await details({ userId: locking.id })).toEqual([
    ["lockout", "10 wrong passwords in a row"],
    ["sign-in-failed", "Account locked"],
  ]);

  const device = await createUser();
  const nonce = tag();
  await signIn({ email: device.email, password: "wrong-password-1", trustedDevice: nonce }, { ip });
  await db.deviceCookieFailure.createMany({ data: Array.from({ length: 9 }, () => ({ nonce })) });
  expect(await signIn({ email: device.email, password: TEST_PASSWORD, trustedDevice: nonce }, { ip })).toEqual({ status: "locked" });
  expect(await details({ email: device.email })).toEqual([
    ["sign-in-failed", "Wrong password (known device)"],
    ["sign-in-failed", "Device cookie locked"],
  ]);

  const changing = await createUser();
  await changePassword({ userId: changing.id, currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }, { ip });
  expect(await details({ email: changing.email })).toEqual([["password-changed", "Every session ended; a new one started"]]);
});

test("a lockout ends at the moment it says: from then the right password signs in", async () => {
  const user = await createUser();
  const ip = freshIp();
  const at = new Date(Date.now() + 60_000);
  await db.user.update({ where: { id: user.id }, data: { lockedUntil: at } });
  vi.useFakeTimers({ toFake: ["Date"], now: at.getTime() - 1 });
  try {
    expect(await signIn({ email: user.email, password: TEST_PASSWORD }, { ip })).toEqual({ status: "locked" });
    vi.setSystemTime(at);
    expect((await signIn({ email: user.email, password: TEST_PASSWORD }, { ip })).status).toBe("signed-in");
  } finally {
    vi.useRealTimers();
  }
});

test("the right password from an unconfirmed account starts the count of wrong passwords again, unless it came from a known device", async () => {
  const { email } = await signUp();
  const ip = freshIp();
  const failedSignIns = async () => (await db.user.findUniqueOrThrow({ where: { email } })).failedSignIns;
  for (let i = 0; i < 3; i++) await signIn({ email, password: `wrong-password-${i}` }, { ip });
  expect(await failedSignIns()).toBe(3);

  expect(await signIn({ email, password: NEW_PASSWORD, trustedDevice: tag() }, { ip })).toEqual({ status: "unconfirmed" });
  expect(await failedSignIns()).toBe(3);
  expect(await signIn({ email, password: NEW_PASSWORD }, { ip })).toEqual({ status: "unconfirmed" });
  expect(await failedSignIns()).toBe(0);
});

test("a new password cannot contain the person's name or the name in their email address", async () => {
  const user = await createUser({ name: "Gareth Llewellyn", email: `pendragon@${tag()}.example.org` });
  for (const newPassword of ["llewellyn-copper-heron", "copper-pendragon-heron"]) {
    const outcome = await changePassword({ userId: user.id, currentPassword: TEST_PASSWORD, newPassword }, { ip: freshIp() });
    expect(outcome).toEqual({ status: "weak-password", problem: "password.personal" });
  }
  const reset = await createUser({ name: "Gareth Llewellyn", email: `pendragon@${tag()}.example.org` });
  await requestPasswordReset({ email: reset.email, appUrl: APP_URL }, { ip: freshIp() });
  const [token] = await linkTokens(reset.email, "reset-password");
  for (const password of ["llewellyn-copper-heron", "copper-pendragon-heron"]) {
    const outcome = await setPasswordWithToken({ token, password, purpose: "reset-password" }, { ip: freshIp() });
    expect(outcome).toEqual({ status: "weak-password", problem: "password.personal" });
  }
});

test("changing or resetting a password is audited against the account's email address", async () => {
  const user = await createUser();
  await changePassword({ userId: user.id, currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }, { ip: freshIp() });
  await requestPasswordReset({ email: user.email, appUrl: APP_URL }, { ip: freshIp() });
  const [token] = await linkTokens(user.email, "reset-password");
  await setPasswordWithToken({ token, password: "another-good-pass-phrase", purpose: "reset-password" }, { ip: freshIp() });
  const events = await db.auditEvent.findMany({ where: { userId: user.id, type: { in: ["password-changed", "password-reset"] } } });
  expect(events.map((event) => [event.type, event.email]).sort()).toEqual([
    ["password-changed", user.email],
    ["password-reset", user.email],
  ]);
});

test("a used reset link shows as used, and a link at the moment it expires shows as expired", async () => {
  const user = await createUser();
  await requestPasswordReset({ email: user.email, appUrl: APP_URL }, { ip: freshIp() });
  const [token] = await linkTokens(user.email, "reset-password");
  const row = await db.userToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
  vi.useFakeTimers({ toFake: ["Date"], now: row.expiresAt.getTime() - 1 });
  try {
    expect((await userForToken(token, "reset-password")).status).toBe("valid");
    vi.setSystemTime(row.expiresAt);
    expect(await userForToken(token, "reset-password")).toEqual({ status: "expired" });
  } finally {
    vi.useRealTimers();
  }

  await requestPasswordReset({ email: user.email, appUrl: APP_URL }, { ip: freshIp() });
  const fresh = (await linkTokens(user.email, "reset-password")).at(-1)!;
  expect((await setPasswordWithToken({ token: fresh, password: NEW_PASSWORD, purpose: "reset-password" }, { ip: freshIp() })).status).toBe("password-set");
  expect(await userForToken(fresh, "reset-password")).toEqual({ status: "used" });
});

test("no confirmation email is sent again for a deactivated account, or for an invited officer with no password yet", async () => {
  const deactivated = await createUser({ deactivated: true, confirmed: false });
  const invited = await createUser({ role: "officer", password: null, confirmed: false });
  const waiting = await createUser({ confirmed: false });
  for (const { email } of [deactivated, invited, waiting]) await resendEmailConfirmation({ email, appUrl: APP_URL }, { ip: freshIp() });
  expect(await db.emailMessage.count({ where: { to: { in: [deactivated.email, invited.email] } } })).toBe(0);
  expect(await linkTokens(waiting.email, "confirm-email")).toHaveLength(1);
});

test("signing up for a council that does not exist fails loudly and creates nothing", async () => {
  const email = `lost-${tag()}@example.org`;
  await expect(
    signUpCouncillor(
      { name: "Priya Shah", email, password: NEW_PASSWORD, councilId: "no-such-council", electedOn: new Date("2026-05-07"), language: "en" },
      { appUrl: APP_URL, origin: { ip: freshIp() } },
    ),
  ).rejects.toMatchObject({ code: "P2003" });
  expect(await db.user.count({ where: { email } })).toBe(0);
});
