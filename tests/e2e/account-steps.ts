// Steps shared by the account journeys (not a test file: Playwright only runs *.test.ts).
import type { Page } from "@playwright/test";
import { expect } from "../playwright-utils";

export { signInThroughForm } from "../playwright-utils";

export type SignUpValues = { name: string; email: string; council: string; electedOn: string; password: string };

export async function fillSignUp(page: Page, values: Partial<SignUpValues>) {
  if (values.name !== undefined) await page.getByLabel("Full name").fill(values.name);
  if (values.email !== undefined) await page.getByLabel("Email address").fill(values.email);
  if (values.council !== undefined) await page.getByLabel("Your council").fill(values.council);
  if (values.electedOn !== undefined) await page.getByLabel("Date you were elected").fill(values.electedOn);
  if (values.password !== undefined) await page.getByLabel("Create a password").fill(values.password);
}

export async function expectSignedIn(page: Page, name: string) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${name.split(" ")[0]}`);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

export function errorSummary(page: Page) {
  return page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
}

/** Nothing on the page looks like a crash: no error page, no stack frames, no file paths. */
export async function expectNoCrash(page: Page) {
  await expect(page.getByRole("heading", { name: /Sorry, there is a problem/ })).toHaveCount(0);
  const text = await page.locator("body").innerText();
  expect(text).not.toMatch(/\bat \S+ \(?\S+:\d+:\d+\)?/);
  expect(text).not.toMatch(/node_modules|\.server\.ts|TypeError|ReferenceError|PrismaClient|ZodError/);
}

/** The value next to a term in a page's summary list (an account, a member). */
export function summaryValue(page: Page, term: string) {
  return page
    .locator(".summary-list > div")
    .filter({ has: page.locator("dt", { hasText: new RegExp(`^${term}$`) }) })
    .locator("dd");
}
