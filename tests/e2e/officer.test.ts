// Who may see what: a council officer sees their own council's members only; councillors and officers
// never reach the staff pages; signed-out visitors are sent to sign in.
import type { Page } from "@playwright/test";
import { db } from "~/utils/db.server";
import { createCouncil, createUser } from "../factories";
import { expect, expectAccessible, test } from "../playwright-utils";
import { errorSummary, summaryValue } from "./account-steps";

/** The page a person without permission sees: a plain 403, never a stack trace or the page itself. */
async function expectForbidden(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You cannot see this page");
  await expect(page.getByText("Your account does not have permission to see this page.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the home page" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/node_modules|\bat \S+ \(|Unexpected Server Error|TypeError|stack/i);
}

test("an officer sees their own council's members and claims, and no other council's", async ({ page, login }) => {
  const council = await createCouncil();
  const other = await createCouncil();
  const own = [
    await createUser({ role: "councillor", councilId: council.id, name: "Ceri Owncouncil" }),
    await createUser({ role: "councillor", councilId: council.id, name: "Dewi Owncouncil", membership: { memberSince: new Date("2022-05-05") } }),
  ];
  await createUser({ role: "councillor", councilId: council.id, name: "Gone Owncouncil", deactivated: true });
  // Anyone can sign up naming this council: until they confirm their address, the officer does not see them.
  await createUser({ role: "councillor", councilId: council.id, name: "Unconfirmed Claimant", confirmed: false, membership: { confirmed: false } });
  const claimant = await createUser({ role: "councillor", councilId: council.id, name: "Elin Claimant", membership: { confirmed: false } });
  await createUser({ role: "officer", councilId: council.id, name: "Fellow Officer" });
  const foreign = await createUser({ role: "councillor", councilId: other.id, name: "Ffion Othercouncil" });
  const officer = await login({ role: "officer", councilId: council.id, name: "Owen Officer" });

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Owen");
  await expect(page.getByText(council.name).first()).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link")).toHaveText(["Home", "Modules", "Courses", "Your council", "Your account"]);
  await expectAccessible(page);

  await nav.getByRole("link", { name: "Your council" }).click();
  await expect(page).toHaveURL(/\/council$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your council's members");
  const claims = page.getByRole("table", { name: "People waiting for you to confirm them" }).locator("tbody tr");
  await expect(claims).toHaveCount(1);
  await expect(claims.first()).toContainText(claimant.name);
  const rows = page.getByRole("table", { name: "Current members" }).locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(own[0].name);
  await expect(rows.nth(1)).toContainText(own[1].name);
  await expect(rows.nth(1)).toContainText("5 May 2022");
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
  // Nor can another council's member be opened by their membership's id.
  const response = await page.goto(`/council/members/${foreign.membershipId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("This person is not one of your council's members.")).toBeVisible();
  await expect(main).not.toContainText(foreign.name);
});

test("an officer confirms a claim, corrects a member's details, puts them on a committee and marks another as having left office", async ({ page, login }) => {
  test.slow(); // many pages, each through axe
  const council = await createCouncil();
  await login({ role: "officer", councilId: council.id });
  const claimant = await createUser({ councilId: council.id, name: "Elin Claimant", membership: { confirmed: false } });
  const leaver = await createUser({ councilId: council.id, name: "Lewis Leaver" });

  await page.goto("/council");
  await page.getByRole("button", { name: "Confirm Elin Claimant" }).click();
  await expect(page.getByRole("status")).toHaveText("Confirmed: they are now one of your members.");
  await expect(page.getByRole("table", { name: "People waiting for you to confirm them" })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Current members" }).locator("tbody tr")).toHaveCount(2);

  // A committee first: the member's page offers the council's committees.
  await page.getByRole("navigation", { name: "Your council" }).getByRole("link", { name: "Committees" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Committees");
  await expect(page.getByText("No committees yet.")).toBeVisible();
  await page.getByLabel("Name of the committee").fill("Governance and audit committee");
  await page.getByRole("button", { name: "Add committee" }).click();
  await expect(page.getByRole("status")).toHaveText("Governance and audit committee added.");
  await page.getByLabel("Name of the committee").fill("governance and AUDIT committee");
  await page.getByRole("button", { name: "Add committee" }).click();
  await expect(errorSummary(page)).toContainText("Your council already has a committee called governance and AUDIT committee");
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Your council" }).getByRole("link", { name: "Members", exact: true }).click();
  await page.getByRole("link", { name: claimant.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(claimant.name);
  await expectAccessible(page);
  await page.getByRole("group", { name: "Kind of member" }).getByLabel("Co-opted member").check();
  await page.getByLabel("First elected or appointed").fill("2024-09-01");
  await page.getByLabel("Current term started").fill("2023-09-01");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(errorSummary(page)).toContainText("The current term cannot start before the date first elected or appointed");
  await expect(page.getByRole("group", { name: "Kind of member" }).getByLabel("Co-opted member")).toBeChecked();
  await page.getByLabel("Current term started").fill("2024-09-01");
  await page.getByLabel("Ward (optional)").fill("Riverside");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("status")).toHaveText("Details saved.");
  await expect(summaryValue(page, "Kind of member")).toHaveText("Co-opted member");
  await expect(summaryValue(page, "Appointed")).toHaveText("1 September 2024");
  await expect(summaryValue(page, "Ward")).toHaveText("Riverside");

  await page.getByLabel("Committee", { exact: true }).selectOption({ label: "Governance and audit committee" });
  await page.getByRole("group", { name: "Member or substitute" }).getByLabel("Substitute").check();
  await page.getByLabel("Appointed to the committee on").fill("2024-09-15");
  await page.getByRole("button", { name: "Put on the committee" }).click();
  await expect(page.getByRole("status")).toHaveText("Committee saved.");
  const seats = page.getByRole("table", { name: "Committees this member sits on" }).locator("tbody tr");
  await expect(seats).toHaveText([/Governance and audit committee\s*Substitute\s*15 September 2024/]);
  await expectAccessible(page);

  await page.goto("/council");
  await page.getByRole("link", { name: leaver.name }).click();
  await page.getByLabel("Date they left office").fill("2026-05-08");
  await page.getByRole("button", { name: "Mark as left office" }).click();
  await expect(page.getByRole("status")).toHaveText("Marked as having left office.");
  await expect(page.getByText("Left office on 8 May 2026.")).toBeVisible();
  await page.getByRole("link", { name: "Back to former members" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Former members");
  await expect(page.getByRole("table", { name: "Former members" }).locator("tbody tr")).toHaveText([/Lewis Leaver\s*Elected councillor\s*8 May 2026/]);
  await expectAccessible(page);
  await page.goto("/council/committees");
  await expect(page.getByRole("table", { name: "Committees" }).locator("tbody tr")).toHaveText([/Governance and audit committee\s*0\s*1/]);

  const audit = await db.auditEvent.findMany({ where: { userId: { in: [claimant.id, leaver.id] } }, orderBy: { createdAt: "asc" } });
  expect(audit.map((event) => event.type)).toEqual(["membership-confirmed", "membership-changed", "committee-appointed", "left-office"]);
});

test("an officer with no members yet is told so", async ({ page, login }) => {
  const council = await createCouncil();
  await login({ role: "officer", councilId: council.id });
  await page.goto("/council");
  await expect(page.getByText(`${council.name} has no confirmed members yet. Upload your members list, or confirm people as they sign up.`)).toBeVisible();
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
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["Home", "Modules", "Courses", "Your account"]);
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
    "Courses",
    "National picture",
    "Accounts",
    "Outbox",
    "Audit log",
    "Your account",
  ]);
  await expect(page.locator("main").getByRole("link")).toHaveText(["Online modules", "Scheduled courses", "National picture", "Accounts", "Outbox", "Audit log"]);
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
