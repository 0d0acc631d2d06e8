import { createUser, TEST_PASSWORD } from "../factories";
import { expect, expectAccessible, signOut, test } from "../playwright-utils";

test("a councillor signs in, lands on their home page and signs out", async ({ page }) => {
  const user = await createUser({ role: "councillor" });
  await page.goto("/login");
  await expectAccessible(page);
  await page.getByLabel("Email address").fill(user.email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Hello, ${user.name.split(" ")[0]}`);
  await expect(page.getByText("You are signed in.")).toBeVisible();
  await expectAccessible(page);

  await signOut(page);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount/);
});
