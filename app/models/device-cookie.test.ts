// Device cookies (OWASP): a browser that signed in to an account before is let past the per-address limit
// and the account lockout for that account only, and is locked itself after ten wrong passwords.
import { randomBytes } from "node:crypto";
import { expect, test } from "vitest";
import { db } from "~/utils/db.server";
import { issueDeviceCookie, trustedDeviceFor } from "~/utils/device-cookie.server";
import { createUser, TEST_PASSWORD } from "../../tests/factories";
import { signIn } from "./account.server";
import { IP_FAILURE_LIMIT } from "./throttle.server";

function freshIp() {
  const [a, b, c] = randomBytes(3);
  return `10.${a}.${b}.${c}`;
}

/** The Cookie header a browser sends back after receiving this Set-Cookie. */
function cookieHeader(setCookie: string) {
  return setCookie.split(";")[0];
}

async function throttledAddress() {
  const ip = freshIp();
  await db.signInFailure.createMany({ data: Array.from({ length: IP_FAILURE_LIMIT }, (_, i) => ({ ip, email: `guess-${i}@example.org` })) });
  return ip;
}

test("from a throttled network, a browser that signed in before still gets in; a new browser does not", async () => {
  const user = await createUser();
  const browser = cookieHeader(issueDeviceCookie(user.email));
  const ip = await throttledAddress();

  expect(await signIn({ email: user.email, password: TEST_PASSWORD }, { ip })).toEqual({ status: "throttled" });
  const known = await signIn({ email: user.email, password: TEST_PASSWORD, trustedDevice: trustedDeviceFor(browser, user.email) }, { ip });
  expect(known).toMatchObject({ status: "signed-in", userId: user.id });
});

test("a device cookie is for one account: it does not let another account past the limit", async () => {
  const user = await createUser();
  const colleague = await createUser();
  const browser = cookieHeader(issueDeviceCookie(user.email));
  expect(trustedDeviceFor(browser, colleague.email)).toBeNull();
  const ip = await throttledAddress();
  const outcome = await signIn({ email: colleague.email, password: TEST_PASSWORD, trustedDevice: trustedDeviceFor(browser, colleague.email) }, { ip });
  expect(outcome).toEqual({ status: "throttled" });
});

test("a forged or altered device cookie counts for nothing", async () => {
  const user = await createUser();
  const [name, value] = cookieHeader(issueDeviceCookie(user.email)).split("=");
  const [nonce, signature] = value.split(".");
  expect(trustedDeviceFor(`${name}=${nonce}.${signature}`, user.email)).toBe(nonce);
  expect(trustedDeviceFor(`${name}=${randomBytes(16).toString("base64url")}.${signature}`, user.email)).toBeNull();
  expect(trustedDeviceFor(`${name}=${nonce}.${signature.slice(1)}x`, user.email)).toBeNull();
  expect(trustedDeviceFor(`${name}=${nonce}`, user.email)).toBeNull();
  expect(trustedDeviceFor(`other=1; ${name}=${nonce}.${signature}.extra`, user.email)).toBeNull();
  expect(trustedDeviceFor(null, user.email)).toBeNull();
});

test("an account locked by someone guessing still lets its owner in from their own browser, and stays locked to others", async () => {
  const user = await createUser();
  const browser = cookieHeader(issueDeviceCookie(user.email));
  const attacker = freshIp();
  for (let i = 0; i < 10; i++) await signIn({ email: user.email, password: `wrong-password-${i}` }, { ip: attacker });
  expect(await signIn({ email: user.email, password: TEST_PASSWORD }, { ip: freshIp() })).toEqual({ status: "locked" });

  const owner = await signIn({ email: user.email, password: TEST_PASSWORD, trustedDevice: trustedDeviceFor(browser, user.email) }, { ip: freshIp() });
  expect(owner.status).toBe("signed-in");
  expect(await signIn({ email: user.email, password: TEST_PASSWORD }, { ip: freshIp() })).toEqual({ status: "locked" });
  const audit = await db.auditEvent.findFirstOrThrow({ where: { type: "sign-in", userId: user.id } });
  expect(audit.detail).toBe("From a known device");
});

test("ten wrong passwords from one device cookie lock that cookie, not the account for its owner's other browsers", async () => {
  const user = await createUser();
  const stolen = trustedDeviceFor(cookieHeader(issueDeviceCookie(user.email)), user.email);
  const ip = freshIp();
  for (let i = 1; i <= 9; i++) {
    expect(await signIn({ email: user.email, password: `wrong-password-${i}`, trustedDevice: stolen }, { ip })).toEqual({ status: "invalid" });
  }
  expect(await signIn({ email: user.email, password: "wrong-password-10", trustedDevice: stolen }, { ip })).toEqual({ status: "locked" });
  // Locked: even the right password is refused with that cookie.
  expect(await signIn({ email: user.email, password: TEST_PASSWORD, trustedDevice: stolen }, { ip })).toEqual({ status: "locked" });

  // The account itself was not counted against: another browser signs in, as does another known one.
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(0);
  expect((await signIn({ email: user.email, password: TEST_PASSWORD }, { ip: freshIp() })).status).toBe("signed-in");
  const other = trustedDeviceFor(cookieHeader(issueDeviceCookie(user.email)), user.email);
  expect((await signIn({ email: user.email, password: TEST_PASSWORD, trustedDevice: other }, { ip })).status).toBe("signed-in");
});
