import { createHash } from "node:crypto";
import { expect, test } from "vitest";
import { createUser } from "../../tests/factories";
import { db } from "./db.server";
import { endOtherSessions, endSession, readSession, startSession } from "./session.server";

const DAY = 24 * 3_600_000;

/** The token a browser would send back: the value of the Set-Cookie header. */
function tokenOf(setCookie: string) {
  const [name, value] = setCookie.split(";")[0].split("=");
  expect(name).toBe("le_session");
  return value;
}

function sha256(text: string) {
  return createHash("sha256").update(text).digest("hex");
}

test("the database keeps only a SHA-256 hash of each session id, never the cookie's token", async () => {
  const user = await createUser();
  const token = tokenOf(await startSession(user.id));
  expect(token.length).toBeGreaterThanOrEqual(20);

  expect(await db.session.findUnique({ where: { id: token } })).toBeNull();
  const rows = await db.session.findMany({ where: { userId: user.id } });
  expect(rows.map((row) => row.id)).toEqual([sha256(token)]);
});

test("a valid session cookie identifies the signed-in user", async () => {
  const user = await createUser({ role: "officer" });
  const token = tokenOf(await startSession(user.id));
  const session = await readSession(`theme=dark; le_session=${token}`);
  expect(session.user).toEqual({ id: user.id, name: user.name, email: user.email, role: "officer", councilId: user.councilId, language: null });
  expect(session.sessionId).toBe(token);
  // A session only days old is not renewed on every request.
  expect(session.setCookie).toBeNull();
});

test("a made-up or missing session cookie signs no one in", async () => {
  expect((await readSession(undefined)).user).toBeNull();
  const forged = await readSession("le_session=abcdefghijklmnopqrstuvwxyz234567");
  expect(forged.user).toBeNull();
  // The browser is told to forget the bad cookie.
  expect(forged.setCookie).toMatch(/^le_session=;/);
});

test("a deactivated user's sessions stop working at once", async () => {
  const user = await createUser();
  const cookie = await startSession(user.id);
  expect((await readSession(cookie)).user?.id).toBe(user.id);

  await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
  const after = await readSession(cookie);
  expect(after.user).toBeNull();
  expect(after.sessionId).toBeNull();
});

test("an expired session is refused and removed", async () => {
  const user = await createUser();
  const token = tokenOf(await startSession(user.id));
  await db.session.update({ where: { id: sha256(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });

  const session = await readSession(`le_session=${token}`);
  expect(session.user).toBeNull();
  expect(session.setCookie).toMatch(/^le_session=;/);
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
});

test("a session lasts 14 days from sign-in", async () => {
  const user = await createUser();
  const token = tokenOf(await startSession(user.id));
  const row = await db.session.findUniqueOrThrow({ where: { id: sha256(token) } });
  const lifetime = row.expiresAt.getTime() - Date.now();
  expect(lifetime).toBeGreaterThan(14 * DAY - 60_000);
  expect(lifetime).toBeLessThanOrEqual(14 * DAY);
});

test("a session used in the second half of its life is extended and the browser gets a fresh cookie", async () => {
  const user = await createUser();
  const token = tokenOf(await startSession(user.id));
  // Eight days after sign-in: six days left.
  const sixDaysLeft = new Date(Date.now() + 6 * DAY);
  await db.session.update({ where: { id: sha256(token) }, data: { expiresAt: sixDaysLeft } });

  const session = await readSession(`le_session=${token}`);
  expect(session.user?.id).toBe(user.id);
  expect(session.setCookie).toMatch(new RegExp(`^le_session=${token};`));
  expect(session.setCookie).toMatch(/HttpOnly/i);

  const row = await db.session.findUniqueOrThrow({ where: { id: sha256(token) } });
  expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + 14 * DAY - 60_000);
});

test("a session in the first half of its life keeps its expiry", async () => {
  const user = await createUser();
  const token = tokenOf(await startSession(user.id));
  const eightDaysLeft = new Date(Date.now() + 8 * DAY);
  await db.session.update({ where: { id: sha256(token) }, data: { expiresAt: eightDaysLeft } });

  const session = await readSession(`le_session=${token}`);
  expect(session.user?.id).toBe(user.id);
  expect(session.setCookie).toBeNull();
  const row = await db.session.findUniqueOrThrow({ where: { id: sha256(token) } });
  expect(row.expiresAt.getTime()).toBe(eightDaysLeft.getTime());
});

test("signing out ends that session only", async () => {
  const user = await createUser();
  const here = tokenOf(await startSession(user.id));
  const elsewhere = tokenOf(await startSession(user.id));

  const blank = await endSession(here);
  expect(blank).toMatch(/^le_session=;/);
  expect((await readSession(`le_session=${here}`)).user).toBeNull();
  expect((await readSession(`le_session=${elsewhere}`)).user?.id).toBe(user.id);
});

test("ending a user's other sessions keeps the one named and leaves other users alone", async () => {
  const user = await createUser();
  const someoneElse = await createUser();
  const keep = tokenOf(await startSession(user.id));
  const other1 = tokenOf(await startSession(user.id));
  const other2 = tokenOf(await startSession(user.id));
  const theirs = tokenOf(await startSession(someoneElse.id));

  await endOtherSessions(user.id, keep);

  expect((await readSession(`le_session=${keep}`)).user?.id).toBe(user.id);
  expect((await readSession(`le_session=${other1}`)).user).toBeNull();
  expect((await readSession(`le_session=${other2}`)).user).toBeNull();
  expect((await readSession(`le_session=${theirs}`)).user?.id).toBe(someoneElse.id);
  expect(await db.session.count({ where: { userId: user.id } })).toBe(1);

  await endOtherSessions(user.id);
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
});

test("a role change applies to the next request of a signed-in user", async () => {
  const user = await createUser({ role: "councillor" });
  const cookie = await startSession(user.id);
  await db.user.update({ where: { id: user.id }, data: { role: "officer" } });
  expect((await readSession(cookie)).user?.role).toBe("officer");
});
