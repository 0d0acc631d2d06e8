// The audit log: staff see sign-ins and failed sign-ins, newest first, for everyone or one account.
import { createUser } from "../factories";
import { expect, expectAccessible, test, signInThroughForm } from "../playwright-utils";

test("staff see a person's failed and successful sign-ins, newest first, and everyone's events unfiltered", async ({
  page,
  login,
  browser,
  baseURL,
}) => {
  test.slow(); // two browsers
  await login({ role: "staff" });
  const person = await createUser({ role: "councillor", name: "Alys Audited" });
  const bystander = await createUser({ role: "councillor", name: "Bryn Bystander" });

  const elsewhere = await browser.newContext({ baseURL });
  const other = await elsewhere.newPage();
  await signInThroughForm(other, bystander.email, "not-the-password");
  await expect(other.getByRole("alert")).toContainText("Enter a correct email address and password");
  await signInThroughForm(other, person.email, "not-the-password");
  await expect(other.getByRole("alert")).toContainText("Enter a correct email address and password");
  await signInThroughForm(other, person.email);
  await expect(other.getByText("You are signed in.")).toBeVisible();
  await elsewhere.close();

  await page.goto("/staff/audit");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");
  const table = page.getByRole("table", { name: "Security events" });
  await expect(table).toContainText(person.email);
  await expect(table).toContainText(bystander.email);
  await expectAccessible(page);

  await page.getByLabel("Account email address").fill(person.email.toUpperCase());
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("status")).toHaveText("2 events");
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  // Columns: when, event, account, by, from.
  await expect(rows.nth(0).locator("td").nth(1)).toHaveText("sign-in");
  await expect(rows.nth(1).locator("td").nth(1)).toHaveText("sign-in-failedWrong password");
  for (const row of [rows.nth(0), rows.nth(1)]) {
    await expect(row.locator("td").nth(2)).toContainText(person.name);
    await expect(row.locator("td").nth(2)).toContainText(person.email);
    await expect(row.locator("td").nth(3)).toHaveText("Themselves");
  }
  await expect(table).not.toContainText(bystander.email);
  await expectAccessible(page);

  // The account's name links to the same events by id.
  await rows.nth(0).getByRole("link", { name: person.name }).click();
  await expect(page).toHaveURL(new RegExp(`userId=${person.id}`));
  await expect(rows).toHaveCount(2);

  await page.getByRole("link", { name: "Show events for every account" }).click();
  await expect(table).toContainText(bystander.email);
  await expect(table).toContainText(person.email);

  // An address with no account matches nothing (rather than everything).
  await page.goto("/staff/audit?email=nobody-here%40example.org");
  await expect(page.getByRole("status")).toHaveText("No events match.");
  await expect(table).toHaveCount(0);
});
