import { createUser, TEST_PASSWORD } from "../factories";
import { expect, expectAccessible, test, uniqueEmail } from "../playwright-utils";
import { errorSummary, expectSignedIn, signInThroughForm } from "./account-steps";

const WRONG = "Enter a correct email address and password";
const LOCKED =
  "There have been too many attempts to sign in to this account. Wait 15 minutes and try again, or reset your password.";

test("ten wrong passwords lock the account, and then even the right password is refused", async ({ page }) => {
  const user = await createUser({ email: uniqueEmail("lockout") });
  await page.goto("/login");
  await page.getByLabel("Email address").fill(user.email);
  // Try again from the form as it comes back each time, as a person (or a script) would.
  for (let attempt = 1; attempt <= 10; attempt++) {
    await page.getByLabel("Password", { exact: true }).fill(`wrong-password-${attempt}`);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
    if (attempt < 10) {
      await expect(errorSummary(page)).toHaveText(`There is a problem${WRONG}`);
      await expect(page.getByLabel("Email address")).toHaveValue(user.email);
    }
    expect(response.status(), `attempt ${attempt}`).toBe(attempt < 10 ? 400 : 429);
  }
  await expect(errorSummary(page)).toContainText(LOCKED);
  await expect(errorSummary(page)).not.toContainText(WRONG);
  await expectAccessible(page);

  await signInThroughForm(page, user.email, TEST_PASSWORD);
  await expect(errorSummary(page)).toContainText(LOCKED);
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
});

test("fewer than ten wrong passwords do not lock the account", async ({ page }) => {
  const user = await createUser({ email: uniqueEmail("nearly") });
  for (let attempt = 1; attempt <= 3; attempt++) {
    await signInThroughForm(page, user.email, `wrong-password-${attempt}`);
    await expect(errorSummary(page)).toContainText(WRONG);
  }
  await signInThroughForm(page, user.email, TEST_PASSWORD);
  await expectSignedIn(page, user.name);
});

test("an unknown email address gets exactly the same answer as a wrong password", async ({ page }) => {
  const user = await createUser({ email: uniqueEmail("known") });

  await signInThroughForm(page, user.email, "not-the-password");
  await expect(errorSummary(page)).toContainText(WRONG);
  const wrongPassword = await errorSummary(page).innerText();

  await signInThroughForm(page, uniqueEmail("unknown"), "not-the-password");
  await expect(errorSummary(page)).toContainText(WRONG);
  const unknownEmail = await errorSummary(page).innerText();

  expect(unknownEmail).toBe(wrongPassword);
  await expectAccessible(page);
});
