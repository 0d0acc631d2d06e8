import type { Browser, Page } from "@playwright/test";
import { db } from "~/utils/db.server";
import { createUser, TEST_PASSWORD } from "../factories";
import { expect, expectAccessible, linkFromLatestEmail, signOut, test, uniqueEmail } from "../playwright-utils";
import { errorSummary, expectNoCrash, expectSignedIn, signInThroughForm } from "./account-steps";

const NEW_PASSWORD = "thistle-barometer-quay-58";

/** Signs out, then shows the old password refused and the new one accepted. */
async function expectOnlyNewPasswordWorks(page: Page, user: { email: string; name: string }) {
  await signOut(page);
  await signInThroughForm(page, user.email, TEST_PASSWORD);
  await expect(errorSummary(page)).toContainText("Enter a correct email address and password");
  await signInThroughForm(page, user.email, NEW_PASSWORD);
  await expectSignedIn(page, user.name);
}

/** A second browser (another device) signed in as the same person through the form. */
async function signInElsewhere(browser: Browser, baseURL: string | undefined, email: string, password: string, name: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInThroughForm(page, email, password);
  await expectSignedIn(page, name);
  return { context, page };
}

async function requestReset(page: Page, email: string) {
  await page.goto("/forgot-password");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page).toHaveURL(/\/login$/);
  return (await page.getByRole("status").textContent()) ?? "";
}

test.describe("forgotten password", () => {
  test("asking for a reset gives the same answer whether or not the address has an account", async ({ page }) => {
    const user = await createUser({ email: uniqueEmail("forgot") });
    const stranger = uniqueEmail("nobody");

    await page.goto("/forgot-password");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reset your password");
    await expectAccessible(page);

    const known = await requestReset(page, user.email);
    const unknown = await requestReset(page, stranger);
    expect(known).toBe(
      `If ${user.email} belongs to an account, we have sent it a link to reset the password. The link expires in 1 hour.`,
    );
    expect(unknown.replace(stranger, "EMAIL")).toBe(known.replace(user.email, "EMAIL"));

    // The email is written just after the page answers, so that how long it took tells nothing.
    await expect.poll(() => db.emailMessage.count({ where: { to: user.email, subject: { contains: "Reset" } } })).toBe(1);
    expect(await db.emailMessage.count({ where: { to: stranger } })).toBe(0);
  });

  test("a Welsh speaker's reset link opens its page in Welsh, in a browser that asks for English", async ({ page }) => {
    const user = await createUser({ name: "Siân Prys", email: uniqueEmail("ailosod") });
    await db.user.update({ where: { id: user.id }, data: { language: "cy" } });

    await requestReset(page, user.email);
    const link = await linkFromLatestEmail(user.email, "/reset-password/");
    expect(link).toMatch(/^\/reset-password\/[\w-]+\?lng=cy$/);
    await page.goto(link);
    await expect(page.locator("html")).toHaveAttribute("lang", "cy");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dewis cyfrinair newydd");
    await page.getByLabel("Cyfrinair newydd").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Cadw'r cyfrinair newydd" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "cy");
  });

  test("a reset link refuses a weak password, then sets a good one, signs in and ends other sessions", async ({ page, browser, baseURL }) => {
    test.slow(); // two browsers, three sign-ins, each password hashed on purpose slowly
    const user = await createUser({ name: "Gareth Pryce", email: uniqueEmail("reset") });
    const elsewhere = await signInElsewhere(browser, baseURL, user.email, TEST_PASSWORD, user.name);

    await requestReset(page, user.email);
    const link = await linkFromLatestEmail(user.email, "/reset-password/");
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
    await expectAccessible(page);

    await page.getByLabel("New password").fill("qwertyuiop");
    await page.getByRole("button", { name: "Save new password" }).click();
    await expect(errorSummary(page)).toContainText("That password is too common");
    await expect(page.getByLabel("New password")).toHaveAccessibleDescription(/Error: That password is too common/);
    await expect(page.getByLabel("New password")).toHaveValue("");
    await expectNoCrash(page);
    await expectAccessible(page);

    // The weak try did not use the link up.
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Save new password" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("status")).toHaveText(
      "Your password has been reset and you are signed in. Any other sessions have been signed out.",
    );
    await expectSignedIn(page, user.name);

    // The other device is signed out.
    await elsewhere.page.goto("/account");
    await expect(elsewhere.page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
    await elsewhere.context.close();

    // The link works once.
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has already been used");
    await expect(page.getByLabel("New password")).toHaveCount(0);
    await expectAccessible(page);

    // The new password is the one that works now.
    await expectOnlyNewPasswordWorks(page, user);
  });

  test("an expired reset link says so and cannot be used", async ({ page }) => {
    const user = await createUser({ email: uniqueEmail("expired") });
    await requestReset(page, user.email);
    const link = await linkFromLatestEmail(user.email, "/reset-password/");
    const { count } = await db.userToken.updateMany({
      where: { userId: user.id, purpose: "reset-password", usedAt: null },
      data: { expiresAt: new Date(Date.now() - 60_000) },
    });
    expect(count).toBe(1);

    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has expired");
    await expect(page.getByLabel("New password")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/forgot-password");
    await expectAccessible(page);
  });

  test("a made-up reset link is not valid", async ({ page }) => {
    await page.goto("/reset-password/not-a-real-token");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link is not valid");
    await expect(page.getByLabel("New password")).toHaveCount(0);
    await expectAccessible(page);
  });
});

test.describe("changing a password", () => {
  test("needs the current password, then signs out other sessions and replaces the old password", async ({ page, browser, baseURL }) => {
    const user = await createUser({ name: "Bethan Morgan", email: uniqueEmail("change") });
    await signInThroughForm(page, user.email, TEST_PASSWORD);
    await expectSignedIn(page, user.name);
    const elsewhere = await signInElsewhere(browser, baseURL, user.email, TEST_PASSWORD, user.name);

    await page.goto("/account");
    await page.getByRole("link", { name: "Change your password" }).click();
    await expect(page).toHaveURL(/\/account\/password$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Change your password");
    await expectAccessible(page);

    await page.getByLabel("Current password").fill("not-my-password-at-all");
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(errorSummary(page)).toContainText("Your current password is not right");
    await expect(page.getByLabel("Current password")).toHaveAccessibleDescription(/Error: Your current password is not right/);
    await expect(page.getByLabel("Current password")).toHaveValue("");
    await expect(page.getByLabel("New password")).toHaveValue("");
    await expectNoCrash(page);
    await expectAccessible(page);

    // Nothing changed: the other device is still signed in.
    await elsewhere.page.goto("/account");
    await expect(elsewhere.page).toHaveURL(/\/account$/);

    await page.getByLabel("Current password").fill(TEST_PASSWORD);
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("status")).toHaveText("Your password has been changed. Any other sessions have been signed out.");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");

    // This session carries on; the other one has ended.
    await page.reload();
    await expect(page).toHaveURL(/\/account$/);
    await elsewhere.page.goto("/account");
    await expect(elsewhere.page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
    await elsewhere.context.close();

    await expectOnlyNewPasswordWorks(page, user);
  });

  test("refuses a new password that is too common", async ({ page, login }) => {
    await login({ role: "councillor" });
    await page.goto("/account/password");
    await page.getByLabel("Current password").fill(TEST_PASSWORD);
    await page.getByLabel("New password").fill("password123");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(errorSummary(page)).toContainText("That password is too common");
    await expect(page.getByLabel("New password")).toHaveAccessibleDescription(/Error: That password is too common/);
    await expect(page).toHaveURL(/\/account\/password$/);
  });
});
