// Reflow (WCAG 1.4.10): at 320 CSS pixels wide nothing needs scrolling sideways.
import type { Page } from "@playwright/test";
import { createCouncil, createUser } from "../factories";
import { expect, expectAccessible, test } from "../playwright-utils";
import { errorSummary } from "./account-steps";

async function expectNoHorizontalScroll(page: Page) {
  const where = new URL(page.url()).pathname;
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.client).toBeLessThanOrEqual(320);
  expect(widths.scroll, `${where} is ${widths.scroll}px wide at 320px`).toBeLessThanOrEqual(320);
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
});

test("the sign-up page fits a 320px screen, with and without errors", async ({ page }) => {
  await page.goto("/signup");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create an account");
  await expectNoHorizontalScroll(page);

  await page.getByLabel("Full name").fill("Dafydd Llewelyn-Williams");
  await page.getByLabel("Email address").fill("dafydd.llewelyn-williams@long-council-name.gov.uk");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(errorSummary(page)).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
});

test("the home page fits a 320px screen, signed out and signed in", async ({ page, login }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);

  await login({ role: "councillor", name: "Angharad Wynne-Pritchard" });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Angharad");
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
});

test("the account pages fit a 320px screen", async ({ page, login }) => {
  await login({ role: "councillor" });
  for (const path of ["/account", "/account/profile", "/account/councils", "/account/password"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoHorizontalScroll(page);
  }
});

test("an officer's council pages fit a 320px screen", async ({ page, login }) => {
  test.slow(); // six pages, each through axe and the HTML checker
  const council = await createCouncil({ name: "Cyngor Bwrdeistref Sirol Rhondda Cynon Taf Test" });
  const member = await createUser({ councilId: council.id, name: "Angharad Wynne-Pritchard", email: "angharad.wynne-pritchard@rhondda-cynon-taf.gov.uk" });
  const other = await createUser({ councilId: council.id, name: "Cllr Angharad Wynne-Pritchard" });
  await createUser({ councilId: council.id, membership: { confirmed: false } });
  await login({ role: "officer", councilId: council.id });
  const merge = `/council/members/${member.membershipId}/merge?with=${other.membershipId}`;
  for (const path of ["/council", `/council/members/${member.membershipId}`, "/council/left", "/council/committees", "/council/upload", merge]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
  }
});

test("the module pages fit a 320px screen", async ({ page, login }) => {
  await login({ role: "councillor" });
  for (const path of ["/modules", "/modules/prevent-duty", "/modules/prevent-duty/lessons/channel-panels", "/modules/prevent-duty/check"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoHorizontalScroll(page);
  }
});
