// When a page cannot be shown: the message the server gave, with the right status, inside the normal
// page (header, navigation, footer), with a way on. An unexpected failure cannot be caused honestly from
// a browser: app/components/error-boundary.test.tsx renders that page.
import type { Page } from "@playwright/test";
import { createUser } from "../factories";
import { expect, expectAccessible, test } from "../playwright-utils";

type Expected = { status: number; heading: string; message: string; wayOn: string };

async function expectErrorPage(page: Page, path: string, { status, heading, message, wayOn }: Expected) {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(status);
  await expect(page).toHaveTitle(`${heading} – Leadership Essentials`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  await expect(page.getByRole("main")).toContainText(message);
  await expect(page.getByRole("main").getByRole("link", { name: wayOn })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Go to the home page" })).toBeVisible();
  // the normal page around it: who is signed in, the navigation and the footer
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your account" })).toBeVisible();
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "Privacy notice" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/Unexpected Server Error|node_modules|\bat \S+ \(|TypeError|No route matches/);
}

test("a module, lesson or certificate that is not there: 404 with what is missing and the way to the modules", async ({ page, login }) => {
  test.slow(); // five pages, three checked with axe
  await login({ role: "councillor" });
  const missing = { status: 404, heading: "Page not found", wayOn: "Go to all modules" };

  await expectErrorPage(page, "/modules/no-such-module", { ...missing, message: "There is no module at this address." });
  await expectAccessible(page);
  await page.getByRole("link", { name: "Go to all modules" }).click();
  await expect(page).toHaveURL(/\/modules$/);

  await expectErrorPage(page, "/modules/prevent-duty/lessons/no-such-lesson", { ...missing, message: "There is no lesson at this address." });
  await expectAccessible(page);
  await expectErrorPage(page, "/modules/no-such-module/check", { ...missing, message: "There is no module at this address." });

  // a councillor who has not completed the module has no certificate for it
  await expectErrorPage(page, "/modules/prevent-duty/certificate", {
    ...missing,
    message: "You have not completed this module yet, so there is no certificate to show.",
    wayOn: "Go to the module",
  });
  await expectAccessible(page);
  await page.getByRole("link", { name: "Go to the module" }).click();
  await expect(page).toHaveURL(/\/modules\/prevent-duty$/);
  await expect(page.getByRole("button", { name: "Start the module" }).or(page.getByRole("link", { name: "Start the module" }))).toBeVisible();
});

test("staff asking for an account that does not exist get a 404 that leads back to the accounts", async ({ page, login }) => {
  await login({ role: "staff" });
  await expectErrorPage(page, "/staff/users/no-such-account", {
    status: 404,
    heading: "Page not found",
    message: "There is no account at this address.",
    wayOn: "Go to the list of accounts",
  });
  await expectAccessible(page);
  await page.getByRole("main").getByRole("link", { name: "Go to the list of accounts" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accounts");
});

test("a signed-in person without permission gets 403 in the normal page; a signed-out one is sent to sign in", async ({ page, login }) => {
  const someone = await createUser();
  const signedOut = await page.goto(`/staff/users/${someone.id}`);
  expect(signedOut?.status()).toBe(200);
  await expect(page).toHaveURL(`/login?redirectTo=${encodeURIComponent(`/staff/users/${someone.id}`)}`);

  await login({ role: "councillor" });
  const forbidden = { status: 403, heading: "You cannot see this page", message: "Your account does not have permission to see this page." };
  await expectErrorPage(page, `/staff/users/${someone.id}`, { ...forbidden, wayOn: "Go to the home page" });
  await expect(page.getByRole("main").getByRole("link")).toHaveCount(1); // not to the staff pages it cannot see
  await expect(page.getByRole("main")).not.toContainText(someone.email);
  await expectAccessible(page);
  await expectErrorPage(page, "/council", { ...forbidden, wayOn: "Go to the home page" });
});

test("an address with no page: 404 with the general message, also when reached by a link in the browser", async ({ page, login }) => {
  await login({ role: "councillor" });
  const notFound = {
    status: 404,
    heading: "Page not found",
    message: "If you typed the web address, check it is correct.",
    wayOn: "Go to the home page",
  };
  await expectErrorPage(page, "/no-such-page", notFound);

  // With JavaScript, the same page from a client-side navigation (the data comes without a new document).
  await page.goto("/modules");
  await page.evaluate(() => {
    (window as unknown as { marker: boolean }).marker = true;
    return (window as unknown as { __remixRouter: { navigate: (to: string) => Promise<void> } }).__remixRouter.navigate("/modules/no-such-module");
  });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker), "no document reload").toBe(true);
  await expect(page.getByRole("main")).toContainText("There is no module at this address.");
  await expectAccessible(page);
});
