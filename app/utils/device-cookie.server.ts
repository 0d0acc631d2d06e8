// Device cookies (OWASP, "Slow down online guessing attacks with device cookies"): a successful sign-in
// leaves a signed cookie in that browser for that account. Later, that browser may sign in to that account
// even while the client address is throttled or the account is locked against strangers, so one person
// guessing passwords on a shared council network cannot lock everyone else out. A device cookie is
// itself locked after as many wrong passwords as an account (see signIn and throttle.server.ts).
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { secureCookies } from "./session.server";

// Set SESSION_SECRET when several processes serve the app: a cookie signed by one is then good in all.
const secret = process.env.SESSION_SECRET || randomBytes(32).toString("hex");
const LIFETIME_DAYS = 180;

function sign(...parts: string[]) {
  return createHmac("sha256", secret).update(parts.join("\n")).digest("base64url");
}

/** One cookie per account, named by a keyed hash of its email so the name tells no one the address. */
function cookieName(email: string) {
  return `le_device_${sign("name", email).slice(0, 16)}`;
}

/** The Set-Cookie header that marks this browser as one `email` has signed in from. */
export function issueDeviceCookie(email: string): string {
  const nonce = randomBytes(16).toString("base64url");
  const attributes = ["Path=/", `Max-Age=${LIFETIME_DAYS * 24 * 3600}`, "HttpOnly", "SameSite=Strict", ...(secureCookies ? ["Secure"] : [])];
  return [`${cookieName(email)}=${nonce}.${sign("device", email, nonce)}`, ...attributes].join("; ");
}

/** The nonce of a genuine device cookie for `email` in this request's cookies, or null. */
export function trustedDeviceFor(cookieHeader: string | null | undefined, email: string): string | null {
  const name = cookieName(email);
  const value = (cookieHeader ?? "")
    .split(";")
    .map((pair) => pair.trim())
    .find((pair) => pair.startsWith(`${name}=`))
    ?.slice(name.length + 1);
  const [nonce, signature, ...rest] = (value ?? "").split(".");
  if (!nonce || !signature || rest.length) return null;
  const expected = Buffer.from(sign("device", email, nonce));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : null;
}
