import { createHash, randomBytes } from "node:crypto";

/** A random token for a cookie or a link: 160 bits, base32-ish lower case so it survives email clients. */
export function generateToken(): string {
  return randomBytes(20).toString("base64url");
}

/** What the database keeps instead of a token: someone reading the database cannot use it. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
