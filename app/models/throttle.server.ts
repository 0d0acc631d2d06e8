// Sign-in throttling. Counts live in the database so they hold across several app processes.
// Per account: ten wrong passwords in a row lock it for 15 minutes (User.failedSignIns, see signIn).
// Per client address: a much higher limit, because councillors share council networks.
// Per unknown email: the same ten-in-15-minutes, so a lockout message never tells an account exists.
// Per device cookie: a browser that signed in to an account before gets past the first two for that
// account (app/utils/device-cookie.server.ts), until it too has ten wrong passwords in 15 minutes.
import { db, type DbClient } from "~/utils/db.server";

export const ACCOUNT_FAILURE_LIMIT = 10;
export const LOCKOUT_MINUTES = 15;
export const IP_FAILURE_LIMIT = 100;
const WINDOW_MINUTES = 15;

function windowStart(now = new Date()) {
  return new Date(now.getTime() - WINDOW_MINUTES * 60_000);
}

export async function isAddressThrottled(ip: string): Promise<boolean> {
  const failures = await db.signInFailure.count({ where: { ip, createdAt: { gt: windowStart() } } });
  return failures >= IP_FAILURE_LIMIT;
}

/** For an email with no account: has it been tried as often as would lock a real one? */
export async function isUnknownEmailLocked(email: string): Promise<boolean> {
  const failures = await db.signInFailure.count({ where: { email, createdAt: { gt: windowStart() } } });
  return failures >= ACCOUNT_FAILURE_LIMIT;
}

/** Counts a failure; pass the transaction (client) it belongs to. Now and then, removes rows no window needs. */
export async function recordSignInFailure({ ip, email }: { ip: string; email: string }, client: DbClient = db) {
  await client.signInFailure.create({ data: { ip, email } });
  // Keep the table small: rows outside every window are no longer needed.
  if (Math.random() < 0.05) {
    await client.signInFailure.deleteMany({ where: { createdAt: { lte: windowStart() } } });
  }
}

export async function isDeviceLocked(nonce: string): Promise<boolean> {
  const failures = await db.deviceCookieFailure.count({ where: { nonce, createdAt: { gt: windowStart() } } });
  return failures >= ACCOUNT_FAILURE_LIMIT;
}

export async function recordDeviceFailure(nonce: string, client: DbClient = db) {
  await client.deviceCookieFailure.create({ data: { nonce } });
  if (Math.random() < 0.05) {
    await client.deviceCookieFailure.deleteMany({ where: { createdAt: { lte: windowStart() } } });
  }
}
