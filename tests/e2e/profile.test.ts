import { createUser } from "../factories";
import { expect, expectAccessible, test, uniqueEmail } from "../playwright-utils";
import { accountDetail, errorSummary, expectNoCrash } from "./account-steps";

test("a councillor changes their name, council and election date", async ({ page, login }) => {
  const user = await login({ role: "councillor", name: "Owain Jenkins", electedOn: new Date("2026-05-07") });
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  await expect(accountDetail(page, "Name")).toHaveText("Owain Jenkins");
  await expect(accountDetail(page, "Date elected")).toHaveText("7 May 2026");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Change your details" }).click();
  await expect(page).toHaveURL(/\/account\/profile$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Change your details");
  await expect(page.getByLabel("Full name")).toHaveValue("Owain Jenkins");
  await expect(page.getByLabel("Email address")).toHaveValue(user.email);
  await expect(page.getByLabel("Date you were elected")).toHaveValue("2026-05-07");
  await expectAccessible(page);

  await page.getByLabel("Full name").fill("Owain ap Siôn");
  await page.getByLabel("Your council").fill("Cyngor Gwynedd");
  await page.getByLabel("Date you were elected").fill("2022-05-05");
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("status")).toHaveText("Your details have been saved.");
  await expect(accountDetail(page, "Name")).toHaveText("Owain ap Siôn");
  await expect(accountDetail(page, "Email address")).toHaveText(user.email);
  await expect(accountDetail(page, "Council")).toHaveText("Cyngor Gwynedd");
  await expect(accountDetail(page, "Date elected")).toHaveText("5 May 2022");
  await expect(page.getByText("Signed in as Owain ap Siôn")).toBeVisible();

  // And the form shows the saved details next time.
  await page.goto("/account/profile");
  await expect(page.getByLabel("Your council")).toHaveValue("Cyngor Gwynedd");
  await expect(page.getByLabel("Date you were elected")).toHaveValue("2022-05-05");
});

test("a future election date is refused and nothing is saved", async ({ page, login }) => {
  await login({ role: "councillor", name: "Mair Roberts", electedOn: new Date("2026-05-07") });
  await page.goto("/account/profile");
  await page.getByLabel("Full name").fill("Mair Roberts-Evans");
  await page.getByLabel("Your council").fill("Cardiff Council");
  await page.getByLabel("Date you were elected").fill("2099-05-07");
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(errorSummary(page)).toContainText("The date you were elected must be today or in the past");
  await expect(page.getByLabel("Date you were elected")).toHaveAccessibleDescription(
    /Error: The date you were elected must be today or in the past/,
  );
  await expect(page).toHaveURL(/\/account\/profile$/);
  await expect(page.getByLabel("Full name")).toHaveValue("Mair Roberts-Evans");
  await expect(page.getByLabel("Your council")).toHaveValue("Cardiff Council");
  await expect(page.getByLabel("Date you were elected")).toHaveValue("2099-05-07");
  await expectNoCrash(page);
  await expectAccessible(page);

  await page.goto("/account");
  await expect(accountDetail(page, "Name")).toHaveText("Mair Roberts");
  await expect(accountDetail(page, "Date elected")).toHaveText("7 May 2026");
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
  await expect(accountDetail(page, "Email address")).toHaveText(user.email);
});

test("a Welsh councillor can find their council by its Welsh name", async ({ page, login }) => {
  await login({ role: "councillor", name: "Rhian Powell" });
  await page.goto("/account/profile");
  await page.getByLabel("Your council").fill("cyngor caerdydd");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(accountDetail(page, "Council")).toHaveText("Cardiff Council");
});
