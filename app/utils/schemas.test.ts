// One-line fields: what people type is normalised, and text that could change how an email or a page
// reads (line breaks, direction overrides, links in a name) is refused with a clear message.
import { expect, test } from "vitest";
import type { z } from "zod";
import { translatorFor } from "~/i18n/i18n.server";
import { issueMessage } from "./forms";
import { askedMunicipalYear, CouncilNameSchema, EmailSchema, NameSchema } from "./schemas.server";

/** The first message, in English, as the form shows it. */
const problem = (result: { success: boolean; error?: { issues: z.core.$ZodIssue[] } }) =>
  result.success ? null : issueMessage(result.error!.issues[0], translatorFor("en"));

test("names are stored in one normal form however they were typed, without surrounding spaces", () => {
  const decomposed = "  Sia\u0302n Wyn  "; // "â" typed as "a" plus a combining circumflex
  expect(NameSchema.parse(decomposed)).toBe("Siân Wyn");
  expect(NameSchema.parse(decomposed)).toBe("Si\u00e2n Wyn");
  expect(NameSchema.parse("J. Smith")).toBe("J. Smith");
  expect(NameSchema.parse("Mary-Jane O'Neill")).toBe("Mary-Jane O'Neill");
  expect(NameSchema.parse("Cllr Dr Rhodri ap Gwilym")).toBe("Cllr Dr Rhodri ap Gwilym");
});

test("line breaks, tabs, other control characters and direction overrides are refused in one-line fields", () => {
  const oneLine = "Full name must be on one line, with letters, numbers and punctuation only";
  for (const name of ["Sir\n\nYour account is suspended", "Sir\r\nBcc: x", "Ann\tLee", "Ann\u0000Lee", "Ann\u0007Lee", "Ann \u202Eeel", "Ann \u2066Lee\u2069", "Ann \u202ALee"]) {
    expect(problem(NameSchema.safeParse(name)), JSON.stringify(name)).toBe(oneLine);
  }
  expect(problem(CouncilNameSchema.safeParse("Leeds City Council\nand more"))).toBe("Council must be on one line, with letters, numbers and punctuation only");
  expect(problem(EmailSchema.safeParse("a@example.org\nBcc: b@example.org"))).toMatch(/correct format/);
});

test("a name cannot carry a web or email address: it goes into the greeting of emails", () => {
  const message = "Full name must not contain a web address or email address. Write initials with a space after the dot, like J. Smith";
  for (const name of [
    "Sir Your account is suspended. Verify now at https://evil.example",
    "Visit www.evil.example",
    "evil.example",
    "Verify at EVIL.CO.UK now",
    "Ann hxxp://x",
    "ann@evil.example",
    "http evil",
    "J.Smith",
  ]) {
    expect(problem(NameSchema.safeParse(name)), name).toBe(message);
  }
});

test("empty and over-long answers get the usual messages", () => {
  expect(problem(NameSchema.safeParse("   "))).toBe("Enter your full name");
  expect(problem(NameSchema.safeParse("A".repeat(101)))).toBe("Full name must be 100 characters or fewer");
  expect(problem(CouncilNameSchema.safeParse(""))).toBe("Choose your council");
});

test("a report's ?year= gives an earlier year asked for, and this municipal year for a later, malformed or missing one", () => {
  const now = new Date("2027-04-30T23:30:00Z"); // 1 May 2027 in the UK: the 2027 year has begun
  const asking = (query: string) => askedMunicipalYear(new Request(`http://localhost/report${query}`), now);
  expect(asking("?year=2024")).toBe(2024);
  expect(asking("?year=2027")).toBe(2027);
  expect(asking("?year=2028")).toBe(2027);
  expect(asking("?year=1999")).toBe(2027);
  expect(asking("?year=twenty")).toBe(2027);
  expect(asking("")).toBe(2027);
  expect(askedMunicipalYear(new Request("http://localhost/report"), new Date("2027-04-30T22:30:00Z"))).toBe(2026);
});
