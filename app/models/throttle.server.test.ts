// The throttle's counting rules, each against the real database: whose failures count, which are
// too old to count, and what tidying the tables removes.
import { randomBytes } from "node:crypto";
import { afterEach, expect, test, vi } from "vitest";
import { db } from "~/utils/db.server";
import {
  ACCOUNT_FAILURE_LIMIT,
  IP_FAILURE_LIMIT,
  isAddressThrottled,
  isDeviceLocked,
  isUnknownEmailLocked,
  recordDeviceFailure,
  recordSignInFailure,
} from "./throttle.server";

afterEach(() => {
  vi.restoreAllMocks();
});

function tag() {
  return randomBytes(4).toString("hex");
}

function freshIp() {
  const [a, b, c] = randomBytes(3);
  return `10.${a}.${b}.${c}`;
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

/** Tidying runs now and then (at random); these make a recorded failure tidy, or not, every time. */
const alwaysTidy = () => vi.spyOn(Math, "random").mockReturnValue(0);
const neverTidy = () => vi.spyOn(Math, "random").mockReturnValue(0.99);

test("an unknown email locks on its own tenth failure; other emails' failures from the same address do not count", async () => {
  neverTidy();
  const ip = freshIp();
  const email = `nobody-${tag()}@example.org`;
  for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) await recordSignInFailure({ ip, email: `other-${tag()}@example.org` });
  for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++) await recordSignInFailure({ ip, email });
  expect(await isUnknownEmailLocked(email)).toBe(false);

  await recordSignInFailure({ ip, email });
  expect(await isUnknownEmailLocked(email)).toBe(true);
});

test("an unknown email's failures older than 15 minutes no longer count", async () => {
  const email = `nobody-${tag()}@example.org`;
  const ip = freshIp();
  await db.signInFailure.createMany({ data: Array.from({ length: ACCOUNT_FAILURE_LIMIT }, () => ({ ip, email, createdAt: minutesAgo(16) })) });
  expect(await isUnknownEmailLocked(email)).toBe(false);

  await db.signInFailure.createMany({ data: Array.from({ length: ACCOUNT_FAILURE_LIMIT }, () => ({ ip, email, createdAt: minutesAgo(14) })) });
  expect(await isUnknownEmailLocked(email)).toBe(true);
});

test("an address is throttled at its own hundredth failure; other addresses' failures do not count", async () => {
  const ip = freshIp();
  const failures = (from: string, count: number) =>
    Array.from({ length: count }, () => ({ ip: from, email: `guess-${tag()}@example.org`, createdAt: minutesAgo(1) }));
  await db.signInFailure.createMany({ data: [...failures(freshIp(), IP_FAILURE_LIMIT), ...failures(ip, IP_FAILURE_LIMIT - 1)] });
  expect(await isAddressThrottled(ip)).toBe(false);

  await db.signInFailure.createMany({ data: failures(ip, 1) });
  expect(await isAddressThrottled(ip)).toBe(true);
});

test("an address's failures older than 15 minutes no longer count", async () => {
  const ip = freshIp();
  const failures = (count: number, createdAt: Date) => Array.from({ length: count }, () => ({ ip, email: `guess-${tag()}@example.org`, createdAt }));
  await db.signInFailure.createMany({ data: failures(IP_FAILURE_LIMIT, minutesAgo(16)) });
  expect(await isAddressThrottled(ip)).toBe(false);

  await db.signInFailure.createMany({ data: failures(IP_FAILURE_LIMIT, minutesAgo(14)) });
  expect(await isAddressThrottled(ip)).toBe(true);
});

test("tidying the failed sign-ins removes only rows older than 15 minutes, whoever they belong to", async () => {
  const email = `nobody-${tag()}@example.org`;
  const ip = freshIp();
  const old = await db.signInFailure.create({ data: { ip: freshIp(), email: `old-${tag()}@example.org`, createdAt: minutesAgo(16) } });
  await db.signInFailure.createMany({ data: Array.from({ length: ACCOUNT_FAILURE_LIMIT - 1 }, () => ({ ip, email, createdAt: minutesAgo(14) })) });

  alwaysTidy();
  await recordSignInFailure({ ip, email });

  expect(await db.signInFailure.findUnique({ where: { id: old.id } })).toBeNull();
  expect(await db.signInFailure.count({ where: { email } })).toBe(ACCOUNT_FAILURE_LIMIT);
  expect(await isUnknownEmailLocked(email)).toBe(true);
});

test("a device cookie locks on its own tenth failure; other cookies' failures and old ones do not count", async () => {
  neverTidy();
  const nonce = tag();
  await db.deviceCookieFailure.createMany({ data: Array.from({ length: ACCOUNT_FAILURE_LIMIT }, () => ({ nonce, createdAt: minutesAgo(16) })) });
  for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) await recordDeviceFailure(tag());
  for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++) await recordDeviceFailure(nonce);
  expect(await isDeviceLocked(nonce)).toBe(false);

  await recordDeviceFailure(nonce);
  expect(await isDeviceLocked(nonce)).toBe(true);
});

test("tidying the device-cookie failures removes only rows older than 15 minutes", async () => {
  const nonce = tag();
  const old = await db.deviceCookieFailure.create({ data: { nonce: tag(), createdAt: minutesAgo(16) } });
  await db.deviceCookieFailure.createMany({ data: Array.from({ length: ACCOUNT_FAILURE_LIMIT - 1 }, () => ({ nonce, createdAt: minutesAgo(14) })) });

  alwaysTidy();
  await recordDeviceFailure(nonce);

  expect(await db.deviceCookieFailure.findUnique({ where: { id: old.id } })).toBeNull();
  expect(await isDeviceLocked(nonce)).toBe(true);
});

test("tidying happens about one time in twenty: a failure recorded otherwise leaves old rows in place", async () => {
  const oldFailure = await db.signInFailure.create({ data: { ip: freshIp(), email: `old-${tag()}@example.org`, createdAt: minutesAgo(16) } });
  const oldDevice = await db.deviceCookieFailure.create({ data: { nonce: tag(), createdAt: minutesAgo(16) } });
  const exists = async () => [
    !!(await db.signInFailure.findUnique({ where: { id: oldFailure.id } })),
    !!(await db.deviceCookieFailure.findUnique({ where: { id: oldDevice.id } })),
  ];

  // Math.random() below 0.05 tidies: 0.05 itself, or anything above, does not.
  vi.spyOn(Math, "random").mockReturnValue(0.05);
  await recordSignInFailure({ ip: freshIp(), email: `nobody-${tag()}@example.org` });
  await recordDeviceFailure(tag());
  expect(await exists()).toEqual([true, true]);

  vi.spyOn(Math, "random").mockReturnValue(0.0499);
  await recordSignInFailure({ ip: freshIp(), email: `nobody-${tag()}@example.org` });
  await recordDeviceFailure(tag());
  expect(await exists()).toEqual([false, false]);
});
