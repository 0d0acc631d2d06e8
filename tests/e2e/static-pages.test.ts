// The privacy notice and accessibility statement: linked from the footer of every page, and accessible.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "../playwright-utils";

async function expectFooterLinks(page: Page) {
  const footer = page.getByRole("contentinfo");
  await expect(footer.getByRole("link", { name: "Privacy notice" }), page.url()).toHaveAttribute("href", "/privacy");
  await expect(footer.getByRole("link", { name: "Accessibility statement" }), page.url()).toHaveAttribute("href", "/accessibility");
}

test("signed out, every page links to the privacy notice and accessibility statement, which pass axe", async ({ page }) => {
  test.slow(); // five pages checked with axe
  for (const path of ["/", "/login", "/signup", "/forgot-password", "/no-such-page"]) {
    await page.goto(path);
    await expectFooterLinks(page);
  }
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectAccessible(page);

  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy notice" }).click();
  await expect(page).toHaveURL(/\/privacy$/);
  await expect(page).toHaveTitle("Privacy notice – Leadership Essentials");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy notice");
  await expectFooterLinks(page);
  await expectAccessible(page);

  await page.getByRole("contentinfo").getByRole("link", { name: "Accessibility statement" }).click();
  await expect(page).toHaveURL(/\/accessibility$/);
  await expect(page).toHaveTitle("Accessibility statement – Leadership Essentials");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibility statement");
  await expectAccessible(page);
});

test("signed in, the footer links are on every page too, including error pages", async ({ page, login }) => {
  await login({ role: "officer" });
  for (const path of ["/", "/account", "/council", "/staff/users", "/no-such-page"]) {
    await page.goto(path);
    await expectFooterLinks(page);
  }
  await page.goto("/council");
  await page.getByRole("contentinfo").getByRole("link", { name: "Accessibility statement" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibility statement");
  // Still signed in: the static pages show the same header.
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy notice" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy notice");
  await expectAccessible(page);
});
