// After an election an officer uploads the council's members list: problems by line, corrected, a preview,
// confirmed; new members are invited and accept; a leaver is marked; nothing is written twice.
import { createCouncil, createUser, TEST_PASSWORD } from "../factories";
import { expect, expectAccessible, linkFromLatestEmail, test, uniqueEmail } from "../playwright-utils";
import { errorSummary, expectNoCrash } from "./account-steps";
import { db } from "~/utils/db.server";

const HEADINGS = "Name,Email,Kind,First elected,Term start,Ward,Party group,Committees";

test("an officer uploads the list after an election, corrects two lines, confirms; a new member accepts the invitation", async ({ page, login, browser, baseURL }) => {
  test.slow(); // the whole journey, through axe at each step
  const council = await createCouncil({ name: `Eastbridge ${Date.now()} District Council` });
  await db.committee.create({ data: { councilId: council.id, name: "Planning committee" } });
  const officer = await login({ role: "officer", councilId: council.id });
  const standingDown = await createUser({ councilId: council.id, name: "Stan Downing" });
  const countyCouncillor = await createUser({ name: "Kath Countyman" });
  const newcomer = { name: "Nia Newcomer", email: uniqueEmail("nia") };
  const second = { name: "Omar Second", email: uniqueEmail("omar") };
  const csv = [
    HEADINGS,
    `${newcomer.name},${newcomer.email},elected,7/5/2026,7/5/2026,Riverside,Independent,Planning committee`,
    `${second.name},omar-at-example.org,elected,7/5/2026,7/5/2026,Hillside,,`,
    `${countyCouncillor.name},${countyCouncillor.email},elected,2/5/2019,7/5/2026,Old Town,,`,
    `Pat Coopted,${uniqueEmail("pat")},co-opted,2026-06-01,,,,Licensing committee`,
  ].join("\r\n");

  await page.goto("/council");
  await page.getByRole("navigation", { name: "Your council" }).getByRole("link", { name: "Upload the members list" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Upload your members list");
  await expectAccessible(page);
  await page.getByLabel("CSV file").setInputFiles({ name: "members.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${csv}`) });
  await page.getByRole("button", { name: "Check the list" }).click();

  // Every problem, by line and column; nothing saved.
  await expect(errorSummary(page)).toContainText("The list has 2 problems: correct them below and check the list again. Nothing has been saved.");
  const problems = page.getByRole("table", { name: "Problems in the list, by line" }).locator("tbody tr");
  await expect(problems).toHaveText([
    /^3\s*email\s*“omar-at-example.org” is not an email address/,
    /^5\s*committees\s*There is no committee called “Licensing committee”/,
  ]);
  expect(await db.user.count({ where: { email: newcomer.email } })).toBe(0);
  await expectNoCrash(page);
  await expectAccessible(page);

  // Corrected in the box: one address fixed, the unknown committee left out.
  const corrected = csv.replace("omar-at-example.org", second.email).replace(",Licensing committee", ",");
  await page.getByRole("textbox", { name: "The list" }).fill(corrected);
  await page.getByRole("button", { name: "Check the list again" }).click();
  const preview = page.getByRole("region", { name: "What the list will do" });
  await expect(preview.getByRole("listitem")).toHaveText([
    "3 new members will be invited",
    "1 person with an account already will be added to your council",
    "0 members’ details will be updated",
    "0 members are already as listed",
  ]);
  await expect(page.getByRole("group", { name: "1 current member is not on this list. Tick them if they have left office." })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/Stan Downing/).check();
  await page.getByLabel("Date they left office").fill("2026-05-08");
  await page.getByRole("button", { name: "Confirm the list of 4 members" }).click();

  await expect(page).toHaveURL(/\/council$/);
  await expect(page.getByRole("status")).toHaveText(
    "Your members list is saved: 3 invited, 1 added, 0 updated, 0 unchanged, 1 marked as having left office.",
  );
  const rows = page.getByRole("table", { name: "Current members" }).locator("tbody tr");
  await expect(rows).toHaveCount(4);
  await expect(page.locator("main")).not.toContainText(standingDown.name);
  await expect(rows.filter({ hasText: newcomer.name })).toContainText("Invited");
  // The county councillor keeps one account, now with both councils.
  const kath = await db.user.findUniqueOrThrow({ where: { email: countyCouncillor.email }, include: { memberships: true } });
  expect(kath.memberships.map((membership) => membership.councilId).sort()).toEqual([countyCouncillor.councilId!, council.id].sort());
  expect(await db.emailMessage.count({ where: { to: countyCouncillor.email } })).toBe(0);

  // The same list again changes nothing.
  await page.goto("/council/upload");
  await page.getByLabel("Or paste the list here").fill(corrected);
  await page.getByRole("button", { name: "Check the list" }).click();
  await expect(preview.getByRole("listitem").first()).toHaveText("0 new members will be invited");
  await expect(preview.getByRole("listitem").last()).toHaveText("4 members are already as listed");
  const events = await db.auditEvent.count({ where: { actorId: officer.id } });
  await page.getByRole("button", { name: "Confirm the list of 4 members" }).click();
  await expect(page.getByRole("status")).toHaveText("Your members list is saved: 0 invited, 0 added, 0 updated, 4 unchanged, 0 marked as having left office.");
  expect(await db.auditEvent.count({ where: { actorId: officer.id } })).toBe(events);

  // The newcomer accepts the invitation and finds the council on their account.
  const invitation = await linkFromLatestEmail(newcomer.email, "/invitation/");
  const context = await browser.newContext({ baseURL });
  const member = await context.newPage();
  await member.goto(invitation);
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("Set up your account");
  await member.getByLabel("New password").fill(TEST_PASSWORD);
  await member.getByRole("button", { name: "Set password and continue" }).click();
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("Hello, Nia");
  await member.goto("/account");
  const councils = member.getByRole("region", { name: "Your councils" });
  await expect(councils.getByRole("heading", { level: 3 })).toHaveText([council.name]);
  await expect(councils).toContainText("Confirmed by the council");
  await expect(councils).toContainText("Committees: Planning committee");
  await expectAccessible(member);
  await context.close();

  await page.goto("/council");
  await expect(rows.filter({ hasText: newcomer.name })).toContainText("Signed up");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an officer pastes a list, corrects it and confirms it", async ({ page, login }) => {
    const council = await createCouncil();
    await login({ role: "officer", councilId: council.id });
    const email = uniqueEmail("nojs-member");
    await page.goto("/council/upload");
    await page.getByLabel("Or paste the list here").fill(`${HEADINGS}\nGwen Nojs,${email},lay,1/9/2099,,,,`);
    await page.getByRole("button", { name: "Check the list" }).click();
    await expect(page.getByRole("table", { name: "Problems in the list, by line" }).locator("tbody tr")).toHaveText([
      /^2\s*first elected\s*The date in first elected is in the future/,
    ]);
    await page.getByRole("textbox", { name: "The list" }).fill(`${HEADINGS}\nGwen Nojs,${email},lay,1/9/2024,,,,`);
    await page.getByRole("button", { name: "Check the list again" }).click();
    await page.getByRole("button", { name: "Confirm the list of 1 member" }).click();
    await expect(page.getByRole("status")).toHaveText("Your members list is saved: 1 invited, 0 added, 0 updated, 0 unchanged, 0 marked as having left office.");
    await expect(page.getByRole("table", { name: "Current members" }).locator("tbody tr")).toHaveText([/Gwen Nojs.*Lay member\s*1 September 2024/]);
  });
});
