import { addMembership, createCouncil, createUser } from "../factories";
import { expect, expectAccessible, test, uniqueEmail } from "../playwright-utils";
import { summaryValue, errorSummary, expectNoCrash } from "./account-steps";
import { db } from "~/utils/db.server";

test("a councillor changes their name and email address", async ({ page, login }) => {
  const user = await login({ role: "councillor", name: "Owain Jenkins" });
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  await expect(summaryValue(page, "Name")).toHaveText("Owain Jenkins");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Change your details" }).click();
  await expect(page).toHaveURL(/\/account\/profile$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Change your details");
  await expect(page.getByLabel("Full name")).toHaveValue("Owain Jenkins");
  await expect(page.getByLabel("Email address")).toHaveValue(user.email);
  await expectAccessible(page);

  await page.getByLabel("Full name").fill("Owain ap Siôn");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("status")).toHaveText("Your details have been saved.");
  await expect(summaryValue(page, "Name")).toHaveText("Owain ap Siôn");
  await expect(summaryValue(page, "Email address")).toHaveText(user.email);
  await expect(page.getByText("Signed in as Owain ap Siôn")).toBeVisible();
});

test("a county and district councillor sees both councils on their account, adds a third by mistake and takes it back", async ({ page, login }) => {
  const county = await createCouncil({ name: `Lancashire ${Date.now()} County Council`, type: "county" });
  const district = await createCouncil({ name: `Pendle ${Date.now()} Borough Council` });
  const user = await login({ role: "councillor", councilId: district.id, name: "Nadia Ahmed", membership: { memberSince: new Date("2023-05-04") } });
  await addMembership({ userId: user.id, councilId: county.id, memberSince: new Date("2025-05-01") });

  await page.goto("/account");
  const councils = page.getByRole("region", { name: "Your councils" });
  await expect(councils.getByRole("heading", { level: 3 })).toHaveText([county.name, district.name]);
  await expect(councils).toContainText("Elected councillor, first elected 1 May 2025");
  await expect(councils).toContainText("Elected councillor, first elected 4 May 2023");
  await expect(councils.getByText("Confirmed by the council")).toHaveCount(2);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Add a council you sit on, or take back one named by mistake" }).click();
  await expect(page).toHaveURL(/\/account\/councils$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your councils");
  // Already one of them: refused, with the council named.
  await page.getByLabel("Your council").fill(county.name);
  await page.getByLabel("Date you were elected").fill("2025-05-01");
  await page.getByRole("button", { name: "Add council" }).click();
  await expect(errorSummary(page)).toContainText(`You have already named ${county.name}`);
  await expectNoCrash(page);
  // A date in the future is refused too.
  await page.getByLabel("Your council").fill("cyngor caerdydd");
  await page.getByLabel("Date you were elected").fill("2099-05-07");
  await page.getByRole("button", { name: "Add council" }).click();
  await expect(page.getByLabel("Date you were elected")).toHaveAccessibleDescription(/Error: The date you were elected must be today or in the past/);
  await expect(page.getByLabel("Your council")).toHaveValue("cyngor caerdydd");
  await expectAccessible(page);

  // Found by its Welsh name, and waiting for Cardiff's officer.
  await page.getByLabel("Date you were elected").fill("2022-05-05");
  await page.getByRole("button", { name: "Add council" }).click();
  await expect(page.getByRole("status")).toHaveText("Cardiff Council added. Its officers will confirm you as one of their members.");
  const cardiff = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: "Cardiff Council" }) });
  await expect(cardiff).toContainText("Waiting for the council to confirm");
  await expectAccessible(page);

  // Named by mistake: taken back. The confirmed memberships offer no such button.
  await expect(page.getByRole("button", { name: /Take back/ })).toHaveCount(1);
  await cardiff.getByRole("button", { name: "Take back Cardiff Council" }).click();
  await expect(page.getByRole("status")).toHaveText("Taken back: that council no longer sees you as one of its members.");
  await expect(page.getByRole("heading", { name: "Cardiff Council" })).toHaveCount(0);
  expect((await db.membership.findMany({ where: { userId: user.id } })).map((membership) => membership.councilId).sort()).toEqual(
    [county.id, district.id].sort(),
  );
});

test("an email address another account uses is refused", async ({ page, login }) => {
  const user = await login({ role: "councillor", email: uniqueEmail("mine") });
  const other = await createUser({ email: uniqueEmail("theirs") });
  await page.goto("/account/profile");
  await page.getByLabel("Email address").fill(other.email.toUpperCase());
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(errorSummary(page)).toContainText("Another account already uses this email address");
  await expect(page.getByLabel("Email address")).toHaveAccessibleDescription(/Error: Another account already uses this email address/);
  await expect(page.getByLabel("Email address")).toHaveValue(other.email.toUpperCase());
  await expectNoCrash(page);

  await page.goto("/account");
  await expect(summaryValue(page, "Email address")).toHaveText(user.email);
});
