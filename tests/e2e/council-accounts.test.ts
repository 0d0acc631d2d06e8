// After the count councillors often get a council email address: the officer moves the account to it (the
// member confirms), and merges a second account the member made with it.
import { createCouncil, createUser, TEST_PASSWORD } from "../factories";
import { expect, expectAccessible, linkFromLatestEmail, test, uniqueEmail } from "../playwright-utils";
import { errorSummary, signInThroughForm, summaryValue } from "./account-steps";
import { db } from "~/utils/db.server";

test("an officer moves a member's account to their council address, which the member confirms", async ({ page, login, browser, baseURL }) => {
  test.slow(); // two people in two browsers, through axe
  const council = await createCouncil();
  await login({ role: "officer", councilId: council.id });
  const member = await createUser({ councilId: council.id, name: "Gwilym Morgan", email: uniqueEmail("gwilym-personal") });
  const taken = await createUser({ email: uniqueEmail("taken") });
  const councilAddress = uniqueEmail("cllr.gwilym.morgan");

  await page.goto(`/council/members/${member.membershipId}`);
  await page.getByLabel("New email address").fill(taken.email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(errorSummary(page)).toContainText("Another account uses this address. If it is the same person, merge the two accounts below.");
  await expectAccessible(page);
  await page.getByLabel("New email address").fill(councilAddress);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toHaveText(`We have sent a link to ${councilAddress}. The account moves to that address when the member opens it.`);
  await expect(summaryValue(page, "Email address")).toHaveText(member.email);

  const link = await linkFromLatestEmail(councilAddress, "/change-email/");
  const context = await browser.newContext({ baseURL });
  const memberPage = await context.newPage();
  await memberPage.goto(link);
  await expect(memberPage.getByRole("heading", { level: 1 })).toHaveText("Confirm your new email address");
  await expect(memberPage.getByText(councilAddress)).toBeVisible();
  await expectAccessible(memberPage);
  await memberPage.getByRole("button", { name: "Use this email address" }).click();
  await expect(memberPage).toHaveURL(/\/login$/);
  await expect(memberPage.getByRole("status")).toHaveText(`Your account now uses ${councilAddress}.`);
  await signInThroughForm(memberPage, councilAddress, TEST_PASSWORD);
  await expect(memberPage.getByRole("heading", { level: 1 })).toHaveText("Hello, Gwilym");
  await context.close();

  await page.reload();
  await expect(summaryValue(page, "Email address")).toHaveText(councilAddress);
});

test("an officer merges a member's two accounts into the one they sign in with", async ({ page, login }) => {
  const council = await createCouncil();
  const officer = await login({ role: "officer", councilId: council.id });
  const kept = await createUser({ councilId: council.id, name: "Bethan Rees", membership: { memberSince: new Date("2022-05-05") } });
  const second = await createUser({ councilId: council.id, name: "Cllr Bethan Rees", password: null, confirmed: false });
  await db.lessonProgress.create({ data: { userId: second.id, moduleId: "prevent-duty", lessonSlug: "what-the-duty-says" } });

  await page.goto(`/council/members/${kept.membershipId}`);
  await page.getByLabel("Their other account").selectOption({ label: `Cllr Bethan Rees (${second.email})` });
  await page.getByRole("button", { name: "Review the merge" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Merge two accounts");
  const accounts = page.getByRole("table", { name: "The two accounts" }).locator("tbody tr");
  await expect(accounts).toHaveText([/Bethan Rees.*Signed up/, /Cllr Bethan Rees.*Invited.*0 completed, 1 in progress/]);
  // The account they sign in with is offered first.
  await expect(page.getByRole("group", { name: "Which account do they keep?" }).getByLabel(`Keep ${kept.email}`)).toBeChecked();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Merge the accounts" }).click();

  await expect(page).toHaveURL(new RegExp(`/council/members/${kept.membershipId}$`));
  await expect(page.getByRole("status")).toHaveText("The accounts are merged: this account now holds the learning of both.");
  await page.goto("/council");
  await expect(page.getByRole("table", { name: "Current members" }).locator("tbody tr")).toHaveText([/Bethan Rees/]);
  expect(await db.lessonProgress.count({ where: { userId: kept.id } })).toBe(1);
  const closed = await db.user.findUniqueOrThrow({ where: { id: second.id } });
  expect(closed.mergedIntoId).toBe(kept.id);
  expect(await db.auditEvent.count({ where: { type: "accounts-merged", actorId: officer.id } })).toBe(2);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an officer reviews and merges two accounts with plain forms", async ({ page, login }) => {
    const council = await createCouncil();
    await login({ role: "officer", councilId: council.id });
    const kept = await createUser({ councilId: council.id, name: "Iolo Nojs" });
    const second = await createUser({ councilId: council.id, name: "Cllr Iolo Nojs", password: null, confirmed: false });
    await page.goto(`/council/members/${kept.membershipId}`);
    await page.getByLabel("Their other account").selectOption({ label: `Cllr Iolo Nojs (${second.email})` });
    await page.getByRole("button", { name: "Review the merge" }).click();
    await expect(page).toHaveURL(new RegExp(`/council/members/${kept.membershipId}/merge\\?with=${second.membershipId}$`));
    await page.getByRole("button", { name: "Merge the accounts" }).click();
    await expect(page.getByRole("status")).toHaveText("The accounts are merged: this account now holds the learning of both.");
    expect((await db.user.findUniqueOrThrow({ where: { id: second.id } })).mergedIntoId).toBe(kept.id);
  });

  test("an officer confirms a claim, corrects its kind and marks a leaver with plain forms", async ({ page, login }) => {
    const council = await createCouncil();
    await login({ role: "officer", councilId: council.id });
    const claimant = await createUser({ councilId: council.id, name: "Eluned Nojs", membership: { confirmed: false } });
    await page.goto(`/council/members/${claimant.membershipId}`);
    await page.getByRole("button", { name: "Confirm as a member" }).click();
    await expect(page.getByRole("status")).toHaveText("Confirmed: they are now one of your members.");
    await page.getByLabel("Co-opted member").check();
    await page.getByLabel("Current term started").fill("2099-01-01");
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(errorSummary(page)).toContainText("The date the current term started must be today or in the past");
    await expect(page.getByLabel("Co-opted member")).toBeChecked();
    await page.getByLabel("Current term started").fill("2026-05-07");
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(summaryValue(page, "Kind of member")).toHaveText("Co-opted member");
    await page.getByRole("button", { name: "Mark as left office" }).click();
    await expect(page.getByRole("status")).toHaveText("Marked as having left office.");
    expect((await db.membership.findUniqueOrThrow({ where: { id: claimant.membershipId! } })).leftOfficeOn).toBeInstanceOf(Date);
  });
});
