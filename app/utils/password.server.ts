import { hash, verify, type Algorithm } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import type { ParseKeys } from "i18next";

// OWASP's argon2id parameters (about 60 ms a hash on our machines).
// Algorithm.Argon2id is a const enum (2), which isolated modules cannot read.
const ARGON2_OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when an account does not exist, so a wrong email costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;
export async function spendPasswordCheckTime(password: string): Promise<void> {
  dummyHash ??= hashPassword("not-a-real-account-password");
  await verifyPassword(await dummyHash, password);
}

// About 30,000 of the passwords most often seen in breaches (shipped with zxcvbn-ts).
const commonPasswords = new Set((dictionary.passwords as string[]).map((word) => word.toLowerCase()));

/**
 * Why a new password is not good enough: a key of the `validation` catalogue, which the page shows in the
 * reader's language (`t(problem, { ns: "validation" })`). The catalogue's messages give the two lengths
 * (app/utils/password.server.test.ts checks them against these constants).
 */
export type PasswordProblem = Extract<ParseKeys<"validation">, `password.${string}`>;

/** Why a new password is not good enough, for the person choosing it; null when it is fine. */
export function passwordProblem(password: string, { email, name }: { email?: string; name?: string } = {}): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return "password.tooShort";
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return "password.tooLong";
  }
  const lower = password.toLowerCase();
  const stripped = lower.replace(/[\d\W_]+$/g, "").replace(/^[\d\W_]+/g, "");
  if (commonPasswords.has(lower) || commonPasswords.has(stripped) || /^(.)\1+$/.test(password)) {
    return "password.common";
  }
  const personal = [email?.split("@")[0], ...(name?.split(/\s+/) ?? [])]
    .map((part) => part?.toLowerCase() ?? "")
    .filter((part) => part.length >= 4);
  if (personal.some((part) => lower.includes(part))) {
    return "password.personal";
  }
  return null;
}
