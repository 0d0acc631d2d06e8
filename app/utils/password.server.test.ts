import { expect, test } from "vitest";
import { translatorFor } from "~/i18n/i18n.server";
import { hashPassword, passwordProblem as problemKey, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, verifyPassword } from "./password.server";

// What the person choosing the password reads: the problem's message in the catalogue.
const english = translatorFor("en");
const welsh = translatorFor("cy");
function passwordProblem(...args: Parameters<typeof problemKey>) {
  const key = problemKey(...args);
  return key && english(key, { ns: "validation" });
}

const GOOD = "marble-lantern-orchard-42";

test("common passwords are refused, however they are dressed up", () => {
  for (const common of ["password123", "qwertyuiop", "Password1!", "iloveyou123", "1234567890", "aaaaaaaaaaaa", "!!Football2024"]) {
    expect(passwordProblem(common), common).toMatch(/too common/);
  }
});

test(`a password shorter than ${PASSWORD_MIN_LENGTH} characters is refused`, () => {
  expect(passwordProblem("kx7-vq2-m")).toBe(`Password must be at least ${PASSWORD_MIN_LENGTH} characters`);
  expect(passwordProblem("kx7-vq2-mw")).toBeNull();
  expect(welsh("password.tooShort", { ns: "validation" })).toContain(` ${PASSWORD_MIN_LENGTH} `);
});

test(`a password longer than ${PASSWORD_MAX_LENGTH} characters is refused`, () => {
  const words = "lantern-orchard-marble-kettle-";
  const long = words.repeat(10).slice(0, PASSWORD_MAX_LENGTH + 1);
  expect(passwordProblem(long)).toBe(`Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`);
  expect(passwordProblem(long.slice(0, PASSWORD_MAX_LENGTH))).toBeNull();
  expect(welsh("password.tooLong", { ns: "validation" })).toContain(` ${PASSWORD_MAX_LENGTH} `);
});

test("a password containing your name or the first part of your email address is refused", () => {
  const person = { name: "Gwen Llewellyn", email: "g.pritchard@cardiff.gov.uk" };
  expect(passwordProblem("llewellyn-harbour-22", person)).toBe("Password must not contain your name or email address");
  expect(passwordProblem("LLEWELLYN-harbour-22", person)).toBe("Password must not contain your name or email address");
  expect(passwordProblem("xx-g.pritchard-xx-1", person)).toBe("Password must not contain your name or email address");
  expect(passwordProblem("gwen-harbour-lamp-3", person)).toBe("Password must not contain your name or email address");
  // Parts of a name shorter than four letters are too common in words to count.
  expect(passwordProblem("annual-leeway-report", { name: "Ann Lee" })).toBeNull();
  expect(passwordProblem(GOOD, person)).toBeNull();
});

test("a long passphrase of random words is accepted", () => {
  expect(passwordProblem(GOOD)).toBeNull();
  expect(passwordProblem("correct horse battery staple", { name: "Ann Lee", email: "ann.lee@example.org" })).toBeNull();
});

test("passwords are stored as argon2id hashes that verify only the right password", async () => {
  const hash = await hashPassword(GOOD);
  expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  expect(hash).not.toContain(GOOD);
  expect(await verifyPassword(hash, GOOD)).toBe(true);
  expect(await verifyPassword(hash, `${GOOD}!`)).toBe(false);
  // The same password hashes differently each time (a random salt).
  expect(await hashPassword(GOOD)).not.toBe(hash);
});

test("a damaged stored hash refuses every password rather than failing", async () => {
  expect(await verifyPassword("not-a-hash", GOOD)).toBe(false);
  expect(await verifyPassword("", GOOD)).toBe(false);
});
