// Association staff managing accounts: inviting council officers, deactivating, changing roles and
// councils, and finding people in the accounts list.
import { db } from "~/utils/db.server";
import { createCouncil, createUser, TEST_PASSWORD } from "../factories";
import { expect, expectAccessible, linkFromLatestEmail, test, uniqueEmail, signInThroughForm } from "../playwright-utils";
import { summaryValue } from "./account-steps";

test("staff invite a council officer, who sets a password and sees only their own council's councillors", async ({
  page,
  login,
  browser,
  baseURL,
}) => {
  test.slow(); // two browsers and seven pages checked with axe
  await login({ role: "staff" });
  const council = await createCouncil();
  const other = await createCouncil();
  const members = [
    await createUser({ role: "councillor", councilId: council.id, name: "Aisha Member" }),
    await createUser({ role: "councillor", councilId: council.id, name: "Brian Member" }),
  ];
  const outsider = await createUser({ role: "councillor", councilId: other.id, name: "Olwen Outsider" });
  const email = uniqueEmail("officer");

  await page.goto("/staff/users");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Invite a council officer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Invite a council officer");
  await expectAccessible(page);
  await page.getByLabel("Full name").fill("Olivia Officer");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Council", { exact: true }).fill(council.name);
  await page.getByRole("button", { name: "Create account and send invitation" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Olivia Officer");
  await expect(page.getByRole("status")).toContainText(`We have sent an invitation to ${email}.`);
  await expect(summaryValue(page, "Email address")).toHaveText(email);
  await expect(summaryValue(page, "Role")).toHaveText("Council officer");
  await expect(summaryValue(page, "Council")).toHaveText(council.name);
  await expect(summaryValue(page, "Status")).toContainText("Invited");
  await expectAccessible(page);

  // The outbox shows the invitation to that address, and that a link went with it, never the link itself.
  await page.goto("/staff/outbox");
  const message = page.locator("ol.outbox > li").filter({ has: page.getByText(email, { exact: true }) });
  await expect(message).toHaveCount(1);
  await expect(message.getByRole("heading")).toHaveText("Your Leadership Essentials account");
  await expect(message.locator("dt", { hasText: "Invitation link" }).locator("+ dd")).toHaveText(/^Sent, expires /);
  await message.getByText("Show the message").click();
  await expect(message.locator("pre")).toContainText(`for ${council.name}`);
  await expect(message.locator("pre")).toContainText("[Invitation link: hidden, only the addressee can see it]");
  await expect(message.locator("pre")).not.toContainText("/invitation/");
  await expectAccessible(page);

  // The officer opens the link in their own browser.
  const invitation = await linkFromLatestEmail(email, "/invitation/");
  const officerContext = await browser.newContext({ baseURL });
  const officerPage = await officerContext.newPage();
  await officerPage.goto(invitation);
  await expect(officerPage.getByRole("heading", { level: 1 })).toHaveText("Set up your account");
  await expectAccessible(officerPage);
  await officerPage.getByLabel("New password").fill(TEST_PASSWORD);
  await officerPage.getByRole("button", { name: "Set password and continue" }).click();

  await expect(officerPage).toHaveURL(`${baseURL}/`);
  await expect(officerPage.getByText("Your account is ready and you are signed in.")).toBeVisible();
  await expect(officerPage.getByRole("heading", { level: 1 })).toHaveText("Hello, Olivia");
  await expect(officerPage.getByText("Signed in as Olivia Officer (Council officer)")).toBeVisible();
  const nav = officerPage.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Your council" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Accounts" })).toHaveCount(0);
  await expectAccessible(officerPage);

  await nav.getByRole("link", { name: "Your council" }).click();
  await expect(officerPage.getByRole("heading", { level: 1 })).toHaveText("Your council's members");
  await expect(officerPage.getByText(council.name, { exact: true })).toBeVisible();
  const rows = officerPage.getByRole("table", { name: "Current members" }).locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(members[0].name);
  await expect(rows.nth(0)).toContainText(members[0].email);
  await expect(rows.nth(1)).toContainText(members[1].name);
  await expect(officerPage.locator("main")).not.toContainText(outsider.name);
  await expect(officerPage.locator("main")).not.toContainText(outsider.email);
  await expectAccessible(officerPage);

  // The link works once.
  const reused = await (await browser.newContext({ baseURL })).newPage();
  await reused.goto(invitation);
  await expect(reused.getByRole("heading", { level: 1 })).toHaveText("This link has already been used");
  await reused.context().close();

  // The staff page no longer says the invitation is open.
  await page.goto("/staff/users?q=" + encodeURIComponent(email));
  await expect(page.getByRole("row", { name: /Olivia Officer/ })).toContainText("Active");
  await officerContext.close();
});

test("the invite form explains each problem and keeps what was typed", async ({ page, login }) => {
  await login({ role: "staff" });
  const existing = await createUser({ role: "councillor" });
  await page.goto("/staff/users/new");
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });

  // Nothing entered.
  await page.getByRole("button", { name: "Create account and send invitation" }).click();
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link")).toHaveText(["Enter your full name", "Enter your email address", "Choose your council"]);
  await expect(summary).toBeFocused();
  await expect(page.getByLabel("Full name")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await summary.getByRole("link", { name: "Enter your email address" }).click();
  await expect(page.getByLabel("Email address")).toBeFocused();

  // An address that already has an account.
  await page.getByLabel("Full name").fill("Dana Duplicate");
  await page.getByLabel("Email address").fill(existing.email.toUpperCase());
  await page.getByLabel("Council", { exact: true }).fill("Leeds City Council");
  await page.getByRole("button", { name: "Create account and send invitation" }).click();
  await expect(summary.getByRole("link")).toHaveText(["An account already uses this email address"]);
  await expect(page.getByLabel("Full name")).toHaveValue("Dana Duplicate");
  await expect(page.getByLabel("Email address")).toHaveValue(existing.email.toUpperCase());
  await expect(page.getByLabel("Council", { exact: true })).toHaveValue("Leeds City Council");
  await expectAccessible(page);

  // A council that is not on the list.
  const email = uniqueEmail("officer");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Council", { exact: true }).fill("Atlantis Borough Council");
  await page.getByRole("button", { name: "Create account and send invitation" }).click();
  await expect(summary.getByRole("link")).toHaveText(["Choose a council from the list"]);
  await expect(page.getByLabel("Full name")).toHaveValue("Dana Duplicate");
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await expect(page.getByLabel("Council", { exact: true })).toHaveValue("Atlantis Borough Council");
  await expect(page.getByLabel("Council", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // Nothing was created or sent.
  expect(await db.user.count({ where: { email } })).toBe(0);
  expect(await db.emailMessage.count({ where: { to: email } })).toBe(0);
  expect((await db.user.findUniqueOrThrow({ where: { id: existing.id } })).name).toBe(existing.name);
});

test("deactivating an account signs the person out at once and stops them signing in; reactivating restores it", async ({
  page,
  login,
  browser,
  baseURL,
}) => {
  test.slow(); // two browsers
  await login({ role: "staff" });
  const councillor = await createUser({ role: "councillor", name: "Dilys Deactivated" });

  const councillorContext = await browser.newContext({ baseURL });
  const councillorPage = await councillorContext.newPage();
  await signInThroughForm(councillorPage, councillor.email);
  await expect(councillorPage.getByText("You are signed in.")).toBeVisible();
  await councillorPage.goto("/account");
  await expect(councillorPage).toHaveURL(/\/account$/);

  await page.goto(`/staff/users/${councillor.id}`);
  await expect(summaryValue(page, "Status")).toHaveText("Active");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Deactivate account" }).click();
  await expect(page.getByRole("status")).toHaveText("Account deactivated. Its sessions have ended and it can no longer sign in.");
  await expect(summaryValue(page, "Status")).toHaveText("Deactivated");
  await expect(page.getByRole("button", { name: "Reactivate account" })).toBeVisible();
  await expectAccessible(page);

  // The councillor's next page load finds them signed out.
  await councillorPage.goto("/account");
  await expect(councillorPage).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
  await expect(councillorPage.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await expect(councillorPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();

  // The right password no longer works, and the message does not say why.
  await signInThroughForm(councillorPage, councillor.email);
  await expect(councillorPage.getByRole("alert")).toContainText("Enter a correct email address and password");
  await expect(councillorPage).toHaveURL(/\/login/);

  await page.getByRole("button", { name: "Reactivate account" }).click();
  await expect(page.getByRole("status")).toHaveText("Account reactivated.");
  await expect(summaryValue(page, "Status")).toHaveText("Active");

  await signInThroughForm(councillorPage, councillor.email);
  await expect(councillorPage.getByText("You are signed in.")).toBeVisible();
  await expect(councillorPage.getByText("Signed in as Dilys Deactivated (Councillor)")).toBeVisible();
  await councillorContext.close();
});

test("staff cannot deactivate their own account", async ({ page, login }) => {
  const staff = await login({ role: "staff" });
  await page.goto(`/staff/users/${staff.id}`);
  await page.getByRole("button", { name: "Deactivate account" }).click();
  await expect(page.getByRole("alert")).toContainText("You cannot deactivate your own account");
  await expectAccessible(page);
  await page.reload();
  await expect(summaryValue(page, "Status")).toHaveText("Active");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect((await db.user.findUniqueOrThrow({ where: { id: staff.id } })).deactivatedAt).toBeNull();
});

test("staff change a councillor into an officer of another council, and it applies at once", async ({
  page,
  login,
  browser,
  baseURL,
}) => {
  test.slow(); // two browsers
  await login({ role: "staff" });
  const cardiff = await db.council.findFirstOrThrow({ where: { name: "Cardiff Council" } });
  const person = await createUser({ role: "councillor", name: "Rhys Rolechange" });

  const personContext = await browser.newContext({ baseURL });
  const personPage = await personContext.newPage();
  await signInThroughForm(personPage, person.email);
  await expect(personPage.getByText("Signed in as Rhys Rolechange (Councillor)")).toBeVisible();
  await expect(personPage.getByRole("link", { name: "Your council" })).toHaveCount(0);

  await page.goto(`/staff/users/${person.id}`);
  await expect(summaryValue(page, "Role")).toHaveText("Councillor");
  await page.getByLabel("Role").selectOption({ label: "Council officer" });
  await page.getByLabel("Council", { exact: true }).selectOption({ label: "Cardiff Council" });
  await page.getByRole("button", { name: "Save role and council" }).click();
  await expect(page.getByRole("status")).toHaveText("Role and council saved. The change applies at once.");
  await expect(summaryValue(page, "Role")).toHaveText("Council officer");
  await expect(summaryValue(page, "Council")).toHaveText("Cardiff Council");
  await expect(summaryValue(page, "Date elected")).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("Role")).toHaveValue("officer");
  await expect(page.getByLabel("Council", { exact: true })).toHaveValue(cardiff.id);

  // Same session, new powers: they now see Cardiff's members.
  await personPage.reload();
  await expect(personPage.getByText("Signed in as Rhys Rolechange (Council officer)")).toBeVisible();
  await personPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your council" }).click();
  await expect(personPage.getByRole("heading", { level: 1 })).toHaveText("Your council's members");
  await expect(personPage.getByText("Cardiff Council", { exact: true })).toBeVisible();
  await personContext.close();

  // The account's security events record both changes.
  await page.getByRole("link", { name: "See this account's security events" }).click();
  await expect(page.getByRole("table")).toContainText("role-changed");
  await expect(page.getByRole("table")).toContainText("councillor → officer");
  await expect(page.getByRole("table")).toContainText("→ Cardiff Council");
});

test("an officer must have a council; a councillor's councils are their memberships", async ({ page, login }) => {
  await login({ role: "staff" });
  const person = await createUser({ role: "councillor" });
  const council = await db.council.findUniqueOrThrow({ where: { id: person.councilId! } });

  await page.goto(`/staff/users/${person.id}`);
  await expect(page.getByRole("heading", { level: 2, name: "Councils they sit on" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: council.name })).toBeVisible();
  await page.getByLabel("Role").selectOption({ label: "Council officer" });
  await page.getByLabel("Council", { exact: true }).selectOption({ label: "No council" });
  await page.getByRole("button", { name: "Save role and council" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary.getByRole("link")).toHaveText(["Choose the council this officer works for"]);
  await expect(page.getByLabel("Council", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Role")).toHaveValue("officer");
  await expect(page.getByLabel("Council", { exact: true })).toHaveValue("");
  await expectAccessible(page);

  await page.reload();
  await expect(summaryValue(page, "Role")).toHaveText("Councillor");
  const after = await db.user.findUniqueOrThrow({ where: { id: person.id } });
  expect([after.role, after.councilId]).toEqual(["councillor", null]);
});

test("staff find accounts by name, email and role", async ({ page, login }) => {
  await login({ role: "staff" });
  const tag = Math.random().toString(36).slice(2, 8);
  const ada = await createUser({ role: "councillor", name: `Ada Zephyr${tag}` });
  const ben = await createUser({ role: "officer", name: `Ben Zephyr${tag}` });
  const cy = await createUser({ role: "councillor", name: "Cy Elsewhere", email: `cy-zephyr${tag}@example.org` });
  const unrelated = await createUser({ role: "councillor" });

  await page.goto("/staff/users");
  await page.getByLabel("Name or email").fill(`ZEPHYR${tag}`);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`q=ZEPHYR${tag}`, "i"));
  await expect(page.getByRole("status")).toHaveText("3 accounts");
  const rows = page.getByRole("table", { name: "Accounts" }).locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText(ada.name);
  await expect(rows.nth(1)).toContainText(ben.name);
  await expect(rows.nth(1)).toContainText("Council officer");
  await expect(rows.nth(2)).toContainText(cy.email);
  await expect(page.getByRole("table")).not.toContainText(unrelated.email);
  await expectAccessible(page);

  await page.getByLabel("Role").selectOption({ label: "Council officer" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/role=officer/);
  await expect(page.getByRole("status")).toHaveText("1 account");
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toContainText(ben.name);
  await expect(page.getByLabel("Name or email")).toHaveValue(`ZEPHYR${tag}`);

  await rows.nth(0).getByRole("link", { name: ben.name }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/users/${ben.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ben.name);

  await page.goto(`/staff/users?q=nobody-${tag}-at-all`);
  await expect(page.getByRole("status")).toHaveText("No accounts match.");
  await expect(page.getByRole("table")).toHaveCount(0);
  await expectAccessible(page);
});
