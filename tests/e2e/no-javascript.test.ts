// The account journeys work as plain HTML forms, for browsers where JavaScript fails or is off.
import { TEST_PASSWORD } from "../factories";
import { expect, expectValidHtml, linkFromLatestEmail, signOut, test, uniqueEmail } from "../playwright-utils";
import { errorSummary, expectNoCrash, expectSignedIn, fillSignUp, signInThroughForm } from "./account-steps";

test.use({ javaScriptEnabled: false });

test("without JavaScript a councillor fixes sign-up errors, confirms, signs in and signs out", async ({ page }) => {
  const email = uniqueEmail("nojs");
  await page.goto("/signup");
  await fillSignUp(page, { name: "Rhys Evans", email, council: "Nowhere Council", electedOn: "2022-05-05", password: "password123" });
  await page.getByRole("button", { name: "Create account" }).click();

  const summary = errorSummary(page);
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("listitem")).toHaveText(["Choose a council from the list", "That password is too common and easy to guess. Try three random words together"]);
  await expect(page.getByLabel("Full name")).toHaveValue("Rhys Evans");
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await expect(page.getByLabel("Your council")).toHaveValue("Nowhere Council");
  await expect(page.getByLabel("Date you were elected")).toHaveValue("2022-05-05");
  await expect(page.getByLabel("Create a password")).toHaveValue("");
  await expectNoCrash(page);
  // (axe cannot run with JavaScript off; the same pages are checked in signup.test.ts. The HTML checker can.)
  await expectValidHtml(page);

  await fillSignUp(page, { council: "Cardiff Council", password: "lighthouse-saffron-kettle-9" });
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/confirm-email$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await expect(page.getByRole("status")).toHaveText(`We have sent a confirmation link to ${email}.`);

  await page.goto(await linkFromLatestEmail(email, "/confirm-email/"));
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("status")).toHaveText("Your email address is confirmed. You can now sign in.");

  await signInThroughForm(page, email, "not-my-password");
  await expect(errorSummary(page)).toContainText("Enter a correct email address and password");
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");

  await signInThroughForm(page, email, "lighthouse-saffron-kettle-9");
  await expectSignedIn(page, "Rhys Evans");
  await expect(page.getByRole("status")).toHaveText("You are signed in.");

  await signOut(page);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
});

test("without JavaScript a signed-in councillor changes their password", async ({ page, login }) => {
  await login({ role: "councillor" });
  await page.goto("/account/password");
  await page.getByLabel("Current password").fill(TEST_PASSWORD);
  await page.getByLabel("New password").fill("qwertyuiop");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(errorSummary(page)).toContainText("That password is too common");
  await expect(page.getByLabel("Current password")).toHaveValue("");

  await page.getByLabel("Current password").fill(TEST_PASSWORD);
  await page.getByLabel("New password").fill("juniper-tugboat-lantern-3");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("status")).toHaveText("Your password has been changed. Any other sessions have been signed out.");
});
