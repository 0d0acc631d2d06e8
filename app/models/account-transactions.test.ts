// Account writes that span several rows are all or nothing, and hold when requests race: run on SQLite and
// PostgreSQL (npm run test:pg). The faults are real: a database trigger refuses the audit entry, the last
// write of each transaction. See docs/decisions/007-rules-under-concurrency.md.
import { randomBytes } from "node:crypto";
import { expect, test } from "vitest";
import { refuseAuditEventsAbout } from "../../tests/faults";
import { createUser, TEST_PASSWORD } from "../../tests/factories";
import { emailedTokens } from "../../tests/outbox";
import { db } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";
import { readSession, startSession } from "~/utils/session.server";
import { confirmEmail, requestPasswordReset, sendEmailConfirmation, setPasswordWithToken, signIn } from "./account.server";
import { checkToken } from "./user-token.server";

const APP_URL = "https://le.test";

function freshIp() {
  const [a, b, c] = randomBytes(3);
  return `10.${a}.${b}.${c}`;
}

async function resetToken(email: string) {
  await requestPasswordReset({ email, appUrl: APP_URL }, { ip: freshIp() });
  return (await emailedTokens({ to: email, appUrl: APP_URL, path: "reset-password" })).at(-1)!;
}

test("a reset link sent by several requests at once sets one password, ends the sessions once and is audited once", async () => {
  const user = await createUser();
  await startSession(user.id);
  const token = await resetToken(user.email);
  const passwords = ["amber-falcon-river-31", "cobalt-meadow-lantern-72", "willow-granite-harbour-15", "saffron-tundra-beacon-64"];
  const outcomes = await Promise.all(
    passwords.map((password) => setPasswordWithToken({ token, password, purpose: "reset-password" }, { ip: freshIp() })),
  );
  const winners = outcomes.flatMap((outcome, i) => (outcome.status === "password-set" ? [passwords[i]!] : []));
  expect(winners).toHaveLength(1);
  expect(outcomes.filter((o) => o.status === "used")).toHaveLength(passwords.length - 1);
  const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(await verifyPassword(after.passwordHash!, winners[0]!)).toBe(true);
  expect(await db.auditEvent.count({ where: { userId: user.id, type: "password-reset" } })).toBe(1);
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
});

test("when the audit entry cannot be written, a reset changes nothing: the link still works, the password and sessions stay", async () => {
  const user = await createUser();
  const cookie = await startSession(user.id);
  const token = await resetToken(user.email);
  const allow = await refuseAuditEventsAbout(user.email);
  await expect(setPasswordWithToken({ token, password: "amber-falcon-river-31", purpose: "reset-password" }, {})).rejects.toThrow();
  await allow();

  expect((await checkToken(token, "reset-password")).status).toBe("valid");
  const unchanged = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(await verifyPassword(unchanged.passwordHash!, TEST_PASSWORD)).toBe(true);
  expect((await readSession(cookie)).user?.id).toBe(user.id);
  // and the link can then be used as if nothing had happened
  expect((await setPasswordWithToken({ token, password: "amber-falcon-river-31", purpose: "reset-password" }, {})).status).toBe("password-set");
});

test("when the audit entry cannot be written, confirming an email changes nothing and the link still works", async () => {
  const user = await createUser({ confirmed: false });
  await sendEmailConfirmation({ userId: user.id, appUrl: APP_URL }, { ip: freshIp() });
  const [token] = await emailedTokens({ to: user.email, appUrl: APP_URL, path: "confirm-email" });
  const allow = await refuseAuditEventsAbout(user.email);
  await expect(confirmEmail(token!, {})).rejects.toThrow();
  await allow();
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailConfirmedAt).toBeNull();
  expect(await confirmEmail(token!, {})).toBe("confirmed");
});

test("when the audit entry cannot be written, the right password starts no session and the wrong-password count stays", async () => {
  const user = await createUser();
  const ip = freshIp();
  for (let i = 0; i < 2; i++) expect((await signIn({ email: user.email, password: "not-the-password" }, { ip })).status).toBe("invalid");
  const allow = await refuseAuditEventsAbout(user.email);
  await expect(signIn({ email: user.email, password: TEST_PASSWORD }, { ip })).rejects.toThrow();
  // nor does a wrong password count when its audit entry cannot be written
  await expect(signIn({ email: user.email, password: "not-the-password" }, { ip })).rejects.toThrow();
  await allow();
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(2);
  expect(await db.signInFailure.count({ where: { email: user.email } })).toBe(2);

  const signedIn = await signIn({ email: user.email, password: TEST_PASSWORD }, { ip });
  expect(signedIn.status).toBe("signed-in");
  // the session it started is the one in the cookie it returned
  expect((await readSession(signedIn.status === "signed-in" ? signedIn.cookie : "")).user?.id).toBe(user.id);
  expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(0);
});

test("fifteen wrong passwords at once lock the account once, and every try is counted and audited", async () => {
  const user = await createUser();
  const tries = 15;
  const outcomes = await Promise.all(
    Array.from({ length: tries }, () => signIn({ email: user.email, password: "not-the-password" }, { ip: freshIp() })),
  );
  expect(outcomes.some((o) => o.status === "locked")).toBe(true);
  expect(await db.auditEvent.count({ where: { userId: user.id, type: "lockout" } })).toBe(1);
  expect(await db.auditEvent.count({ where: { userId: user.id, type: { in: ["lockout", "sign-in-failed"] } } })).toBe(tries);
  const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(after.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  // counted one after another: those after the lockout start the count again, below the limit
  expect(after.failedSignIns).toBeLessThan(tries - 10 + 1);
  expect((await signIn({ email: user.email, password: TEST_PASSWORD }, { ip: freshIp() })).status).toBe("locked");
}, 60_000);
