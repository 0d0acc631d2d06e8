// Who may see what: a council officer sees their own council's members only; councillors and officers
// never reach the staff pages; signed-out visitors are sent to sign in.
import type { Page } from "@playwright/test";
import { db } from "~/utils/db.server";
import { createCouncil, createUser } from "../factories";
import { expect, expectAccessible, test } from "../playwright-utils";

/** The page a person without permission sees: a plain 403, never a stack trace or the page itself. */
async function expectForbidden(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You cannot see this page");
  await expect(page.getByText("Your account does not have permission to see this page.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the home page" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/node_modules|\bat \S+ \(|Unexpected Server Error|TypeError|stack/i);
}

test("an officer sees their own council's councillors and no other council's", async ({ page, login }) => {
  const council = await createCouncil();
  const other = await createCouncil();
  const own = [
    await createUser({ role: "councillor", councilId: council.id, name: "Ceri Owncouncil" }),
    await createUser({ role: "councillor", councilId: council.id, name: "Dewi Owncouncil", electedOn: new Date("2022-05-05") }),
  ];
  await createUser({ role: "councillor", councilId: council.id, name: "Gone Owncouncil", deactivated: true });
  // Anyone can sign up naming this council: until they confirm their address, the officer does not see them.
  await createUser({ role: "councillor", councilId: council.id, name: "Unconfirmed Claimant", confirmed: false });
  await createUser({ role: "officer", councilId: council.id, name: "Fellow Officer" });
  const foreign = await createUser({ role: "councillor", councilId: other.id, name: "Ffion Othercouncil" });
  const officer = await login({ role: "officer", councilId: council.id, name: "Owen Officer" });

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Owen");
  await expect(page.getByText(council.name).first()).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link")).toHaveText(["Home", "Modules", "Your council", "Your account"]);
  await expectAccessible(page);

  await nav.getByRole("link", { name: "Your council" }).click();
  await expect(page).toHaveURL(/\/council$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your council's members");
  const rows = page.getByRole("table", { name: "Councillors" }).locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(own[0].name);
  await expect(rows.nth(1)).toContainText(own[1].name);
  await expect(rows.nth(1)).toContainText("2022");
  const main = page.locator("main");
  for (const hidden of [foreign.name, foreign.email, other.name, "Gone Owncouncil", "Fellow Officer", "Unconfirmed Claimant"]) {
    await expect(main).not.toContainText(hidden);
  }
  await expectAccessible(page);

  // The council comes from the account, not the address: asking for another council changes nothing.
  await page.goto(`/council?councilId=${other.id}`);
  await expect(rows).toHaveCount(2);
  await expect(main).not.toContainText(foreign.name);
  await expect(page.getByText(council.name, { exact: true })).toBeVisible();
  expect(officer.councilId).toBe(council.id);
});

test("an officer with no councillors yet is told so", async ({ page, login }) => {
  const council = await createCouncil();
  await login({ role: "officer", councilId: council.id });
  await page.goto("/council");
  await expect(page.getByText(`No councillors from ${council.name} have an account yet.`)).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
});

test("an officer cannot open the staff pages or change accounts", async ({ page, login }) => {
  await login({ role: "officer" });
  const someone = await createUser({ role: "councillor" });
  await expectForbidden(page, "/staff/users");
  await expectAccessible(page);
  for (const path of ["/staff/outbox", "/staff/audit", "/staff/users/new", `/staff/users/${someone.id}`]) {
    await expectForbidden(page, path);
  }
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Accounts" })).toHaveCount(0);

  // Nor by posting the staff form directly (same site, with the officer's own session).
  const response = await page.request.post(`/staff/users/${someone.id}`, { form: { intent: "deactivate" }, maxRedirects: 0 });
  expect(response.status()).toBe(403);
  const change = await page.request.post(`/staff/users/${someone.id}`, {
    form: { intent: "change-access", role: "staff", councilId: "" },
    maxRedirects: 0,
  });
  expect(change.status()).toBe(403);
  const after = await db.user.findUniqueOrThrow({ where: { id: someone.id } });
  expect([after.deactivatedAt, after.role]).toEqual([null, "councillor"]);
});

test("a councillor cannot open the council or staff pages", async ({ page, login }) => {
  await login({ role: "councillor", name: "Carys Councillor" });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Carys");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["Home", "Modules", "Your account"]);
  await expectAccessible(page);

  await expectForbidden(page, "/council");
  await expectAccessible(page);
  await expectForbidden(page, "/staff/users");
  await expectForbidden(page, "/staff/audit");
});

test("staff see their own home page with their tools", async ({ page, login }) => {
  await login({ role: "staff", name: "Sian Staff" });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Sian");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText([
    "Home",
    "Modules",
    "Accounts",
    "Outbox",
    "Audit log",
    "Your account",
  ]);
  await expect(page.locator("main").getByRole("link")).toHaveText(["Online modules", "Accounts", "Outbox", "Audit log"]);
  await expectAccessible(page);
  // Staff belong to no council, so the council page is not theirs.
  await expectForbidden(page, "/council");
});

test("signed-out visitors to protected pages are sent to sign in and back", async ({ page }) => {
  await page.goto("/staff/users?role=officer");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fstaff%2Fusers%3Frole%3Dofficer$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  for (const path of ["/staff/audit", "/staff/outbox", "/council"]) {
    await page.goto(path);
    await expect(page).toHaveURL(`/login?redirectTo=${encodeURIComponent(path)}`);
  }
});
