// Cymraeg / English: the switch in the header, the language a first visit is shown in, and a signed-in
// person's saved choice. (The journeys in Welsh are in welsh-journeys.test.ts.)
import { db } from "~/utils/db.server";
import { expect, expectAccessible, test, uniqueEmail } from "../playwright-utils";

test("the switch shows the same page in Welsh and keeps what was typed, then switches back", async ({ page }) => {
  await page.goto("/signup");
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  const email = uniqueEmail("switch");
  await page.getByLabel("Full name").fill("Eleri Morgan");
  await page.getByLabel("Email address").fill(email);

  await page.getByRole("button", { name: "Cymraeg" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "cy");
  await expect(page).toHaveURL(/\/signup$/);
  await expect(page).toHaveTitle("Creu cyfrif – Hanfodion Arweinyddiaeth");
  await expect(page.getByRole("navigation", { name: "Prif lywio" }).getByRole("link", { name: "Mewngofnodi" })).toBeVisible();
  await expect(page.locator("#field-name")).toHaveValue("Eleri Morgan");
  await expect(page.locator("#field-email")).toHaveValue(email);
  await expectAccessible(page);

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  await expect(page).toHaveTitle("Create an account – Leadership Essentials");
  await expect(page.getByLabel("Full name")).toHaveValue("Eleri Morgan");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the switch is a form that comes back to the same page in the other language", async ({ page }) => {
    await page.goto("/privacy?from=footer");
    await page.getByRole("button", { name: "Cymraeg" }).click();
    await expect(page).toHaveURL(/\/privacy\?from=footer$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "cy");
    await expect(page).toHaveTitle("Hysbysiad preifatrwydd – Hanfodion Arweinyddiaeth");
    // The cookie remembers the choice on the next page.
    await page.getByRole("link", { name: "Datganiad hygyrchedd" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "cy");
  });
});

test.describe("a browser that asks for Welsh", () => {
  test.use({ locale: "cy-GB" });

  test("is answered in Welsh, and each page names its English and Welsh addresses", async ({ page, baseURL }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "cy");
    await expect(page).toHaveTitle("Mewngofnodi – Hanfodion Arweinyddiaeth");
    const alternates = page.locator('link[rel="alternate"]');
    await expect(alternates).toHaveCount(2);
    await expect(page.locator('link[rel="alternate"][hreflang="en-GB"]')).toHaveAttribute("href", /\/login\?lng=en$/);
    await expect(page.locator('link[rel="alternate"][hreflang="cy"]')).toHaveAttribute("href", /\/login\?lng=cy$/);

    // The English address gives the English page, whatever the browser asks for.
    await page.goto(`${baseURL}/login?lng=en`);
    await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
    await expect(page).toHaveTitle("Sign in – Leadership Essentials");
  });
});

test("a signed-in person's choice is saved with them, so it follows them without the cookie", async ({ page, context, login }) => {
  const user = await login({ role: "councillor" });
  await page.goto("/modules");
  await page.getByRole("button", { name: "Cymraeg" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "cy");
  await expect(page).toHaveTitle("Modiwlau ar-lein – Hanfodion Arweinyddiaeth");
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).language).toBe("cy");

  await context.clearCookies({ name: "lng" });
  await page.goto("/account");
  await expect(page.locator("html")).toHaveAttribute("lang", "cy");
  await expect(page).toHaveTitle("Eich cyfrif – Hanfodion Arweinyddiaeth");
});
