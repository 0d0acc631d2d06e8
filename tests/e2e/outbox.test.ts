// The outbox never shows a token link to staff: the attack an outside test found (ask for a reset of
// someone else's account on the public form, read the link in the outbox, set their password, sign in
// as them) fails at the outbox, and each look at the outbox is in the audit log.
import { db } from "~/utils/db.server";
import { createUser, TEST_PASSWORD } from "../factories";
import { emailedTokens } from "../outbox";
import { expect, expectAccessible, test, uniqueEmail, signInThroughForm } from "../playwright-utils";
import { errorSummary } from "./account-steps";

test("a staff member who asks for a reset of someone else's account cannot read the link in the outbox", async ({ page, login, browser, baseURL }) => {
  test.slow(); // two browsers
  const victim = await createUser({ role: "councillor", name: "Victoria Victim", email: uniqueEmail("victim") });
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: victim.id } });
  const staff = await login({ role: "staff", name: "Mallory Staff" });

  // The reset form is public: the staff member asks for one in a signed-out window.
  const signedOut = await browser.newContext({ baseURL });
  const form = await signedOut.newPage();
  await form.goto("/forgot-password");
  await form.getByLabel("Email address").fill(victim.email);
  await form.getByRole("button", { name: "Send the link" }).click();
  await expect(form).toHaveURL(/\/login$/);
  await signedOut.close();
  await expect.poll(() => db.emailMessage.count({ where: { to: victim.email } })).toBe(1);
  const [token] = await emailedTokens({ to: victim.email, appUrl: baseURL!, path: "reset-password" });
  expect(token).toBeTruthy();

  const response = await page.goto("/staff/outbox");
  const html = await response!.text();
  expect(html).not.toContain(token);
  expect(html).not.toMatch(/reset-password\/[\w-]/);
  const message = page.locator("ol.outbox > li").filter({ has: page.getByText(victim.email, { exact: true }) });
  await expect(message.getByRole("heading")).toHaveText("Reset your Leadership Essentials password");
  await expect(message.locator("dt", { hasText: "Password reset link" }).locator("+ dd")).toHaveText(/^Sent, expires /);
  await message.getByText("Show the message").click();
  await expect(message.locator("pre")).toContainText("[Password reset link: hidden, only the addressee can see it]");
  await expect(page.locator("main a[href*='reset-password']")).toHaveCount(0);
  await expectAccessible(page);

  // Nothing on the page leads to the victim's account: their password is unchanged and still theirs alone.
  expect((await db.user.findUniqueOrThrow({ where: { id: victim.id } })).passwordHash).toBe(passwordHash);
  const attacker = await browser.newContext({ baseURL });
  const attackerPage = await attacker.newPage();
  await signInThroughForm(attackerPage, victim.email, "copper-heron-meadow-19");
  await expect(errorSummary(attackerPage)).toContainText("Enter a correct email address and password");
  await attacker.close();

  // The link still works for the person it was sent to.
  const own = await (await browser.newContext({ baseURL })).newPage();
  await own.goto(`/reset-password/${token}`);
  await expect(own.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  await own.context().close();

  const audit = await db.auditEvent.findMany({ where: { type: "outbox-viewed", actorId: staff.id } });
  expect(audit).toHaveLength(1);
  expect(audit[0].detail).toBe("Page 1");
  await page.goto("/staff/audit");
  await expect(page.locator("main")).toContainText("outbox-viewed");
  expect(TEST_PASSWORD).not.toBe("copper-heron-meadow-19");
});
