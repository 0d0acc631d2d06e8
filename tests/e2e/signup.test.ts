import { db } from "~/utils/db.server";
import { createUser } from "../factories";
import { expect, expectAccessible, linkFromLatestEmail, test, uniqueEmail } from "../playwright-utils";
import { summaryValue, errorSummary, expectNoCrash, expectSignedIn, fillSignUp, signInThroughForm, type SignUpValues } from "./account-steps";

const GOOD_PASSWORD = "copper-heron-meadow-71";

function goodValues(overrides: Partial<SignUpValues> = {}): SignUpValues {
  return {
    name: "Aisha Rahman",
    email: uniqueEmail("signup"),
    council: "Leeds City Council",
    electedOn: "2026-05-07",
    password: GOOD_PASSWORD,
    ...overrides,
  };
}

test("a councillor signs up, confirms their email address and signs in", async ({ page }) => {
  const values = goodValues();
  await page.goto("/signup");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create an account");
  await expectAccessible(page);

  await fillSignUp(page, values);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/confirm-email$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await expect(page.getByRole("status")).toHaveText(`We have sent a confirmation link to ${values.email}.`);
  await expectAccessible(page);

  // Not confirmed yet: the right password is not enough.
  await signInThroughForm(page, values.email, values.password);
  await expect(errorSummary(page)).toContainText("You need to confirm your email address before you can sign in");
  await expect(page.getByRole("link", { name: "Send the confirmation link again" })).toHaveAttribute("href", "/confirm-email");
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);

  const link = await linkFromLatestEmail(values.email, "/confirm-email/");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your email address");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("status")).toHaveText("Your email address is confirmed. You can now sign in.");

  await signInThroughForm(page, values.email, values.password);
  await expectSignedIn(page, values.name);
  await expect(page.getByText("Leeds City Council")).toBeVisible();

  await page.goto("/account");
  await expect(summaryValue(page, "Name")).toHaveText(values.name);
  await expect(summaryValue(page, "Email address")).toHaveText(values.email);
  // The council they named waits for its officer to confirm them.
  const councils = page.getByRole("region", { name: "Your councils" });
  await expect(councils.getByRole("heading", { level: 3 })).toHaveText(["Leeds City Council"]);
  await expect(councils).toContainText("Elected councillor, first elected 7 May 2026");
  await expect(councils).toContainText("Waiting for the council to confirm");

  // The link works once.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has already been used");
  await expect(page.getByRole("button", { name: "Confirm my email address" })).toHaveCount(0);
  await expectAccessible(page);
});

test("an empty sign-up form lists every missing answer, at the top and next to each field", async ({ page }) => {
  await page.goto("/signup");
  await page.getByRole("button", { name: "Create account" }).click();

  const summary = errorSummary(page);
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  const expected = [
    ["Full name", "Enter your full name"],
    ["Email address", "Enter your email address"],
    ["Your council", "Choose your council"],
    ["Date you were elected", "Enter the date you were elected"],
    ["Create a password", "Enter a password"],
  ] as const;
  await expect(summary.getByRole("listitem")).toHaveText(expected.map(([, message]) => message));
  for (const [label, message] of expected) {
    await expect(summary.getByRole("link", { name: message })).toBeVisible();
    await expect(page.getByLabel(label)).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel(label)).toHaveAccessibleDescription(new RegExp(`Error: ${message}`));
  }
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create an account");
  await expectNoCrash(page);
  await expectAccessible(page);
});

type BadCase = {
  title: string;
  values: () => Partial<SignUpValues>;
  field: string;
  message: RegExp;
  /** Set the name past the text box's maxlength, to prove the server checks it too. */
  longName?: string;
};

const BAD_CASES: BadCase[] = [
  {
    title: "a web address in the name (it would go into the greeting of an email)",
    values: () => ({ name: "Sir Your account is suspended. Verify now at https://evil.example" }),
    field: "Full name",
    message: /Full name must not contain a web address or email address/,
  },
  {
    title: "a right-to-left override in the name",
    values: () => ({ name: "Aisha \u202Eharman" }),
    field: "Full name",
    message: /Full name must be on one line, with letters, numbers and punctuation only/,
  },
  {
    title: "a very common password",
    values: () => ({ password: "password123" }),
    field: "Create a password",
    message: /That password is too common/,
  },
  {
    title: "another very common password",
    values: () => ({ password: "qwertyuiop" }),
    field: "Create a password",
    message: /That password is too common/,
  },
  {
    title: "a council that is not on the list",
    values: () => ({ council: "Nowhere Council" }),
    field: "Your council",
    message: /Choose a council from the list/,
  },
  {
    title: "a malformed email address",
    values: () => ({ email: "aisha.rahman@@leeds" }),
    field: "Email address",
    message: /Enter an email address in the correct format/,
  },
  {
    title: "a name over 100 characters",
    values: () => ({}),
    longName: `Aisha ${"Rahman".repeat(16)}`, // 102 characters
    field: "Full name",
    message: /Full name must be 100 characters or fewer/,
  },
];

for (const bad of BAD_CASES) {
  test(`sign-up with ${bad.title} explains the problem and keeps what was typed`, async ({ page }) => {
    const values = goodValues(bad.values());
    const usersBefore = await db.user.count({ where: { email: values.email } });

    await page.goto("/signup");
    await fillSignUp(page, values);
    if (bad.longName) {
      await page.getByLabel("Full name").evaluate((input: HTMLInputElement, name) => {
        input.removeAttribute("maxlength");
        input.value = name;
      }, bad.longName);
      values.name = bad.longName;
    }
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/signup")),
      page.getByRole("button", { name: "Create account" }).click(),
    ]);
    expect(response.status()).toBe(400);

    const summary = errorSummary(page);
    await expect(summary).toBeVisible();
    await expect(summary.getByRole("listitem")).toHaveCount(1);
    await expect(summary).toContainText(bad.message);
    await expect(page.getByLabel(bad.field)).toHaveAccessibleDescription(bad.message);
    await expect(page).toHaveURL(/\/signup$/);

    // What was typed comes back, except the password.
    await expect(page.getByLabel("Full name")).toHaveValue(values.name);
    await expect(page.getByLabel("Email address")).toHaveValue(values.email);
    await expect(page.getByLabel("Your council")).toHaveValue(values.council);
    await expect(page.getByLabel("Date you were elected")).toHaveValue(values.electedOn);
    await expect(page.getByLabel("Create a password")).toHaveValue("");
    await expectNoCrash(page);
    await expectAccessible(page);

    // Nothing was created.
    expect(await db.user.count({ where: { email: values.email } })).toBe(usersBefore);
  });
}

test("a councillor who asks for a new confirmation link can use it, and the old one stops working", async ({ page }) => {
  const values = goodValues();
  await page.goto("/signup");
  await fillSignUp(page, values);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  const oldLink = await linkFromLatestEmail(values.email, "/confirm-email/");

  await page.getByLabel("Email address").fill(values.email);
  await page.getByRole("button", { name: "Send a new link" }).click();
  await expect(page.getByRole("status")).toHaveText(
    `If ${values.email} belongs to an account that still needs confirming, we have sent a new link to it.`,
  );
  await expectAccessible(page);
  const newLink = await linkFromLatestEmail(values.email, "/confirm-email/", { other: oldLink });
  expect(newLink).not.toBe(oldLink);

  await page.goto(oldLink);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link is not valid");
  await expect(page.getByRole("link", { name: "send a new confirmation link" })).toBeVisible();
  await expectAccessible(page);

  await page.goto(newLink);
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByRole("status")).toHaveText("Your email address is confirmed. You can now sign in.");
  await signInThroughForm(page, values.email, values.password);
  await expectSignedIn(page, values.name);
});

test("an expired confirmation link says so", async ({ page }) => {
  const values = goodValues();
  await page.goto("/signup");
  await fillSignUp(page, values);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  const link = await linkFromLatestEmail(values.email, "/confirm-email/");
  const user = await db.user.findUniqueOrThrow({ where: { email: values.email } });
  await db.userToken.updateMany({
    where: { userId: user.id, purpose: "confirm-email" },
    data: { expiresAt: new Date(Date.now() - 60_000) },
  });

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has expired");
  await expect(page.getByRole("button", { name: "Confirm my email address" })).toHaveCount(0);
  await expectAccessible(page);
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailConfirmedAt).toBeNull();
});

test("sign-up with an address that has an account answers as for a new one, and tells the holder by email", async ({ page }) => {
  const holder = await createUser({ email: uniqueEmail("taken"), name: "Harriet Holder" });
  const values = goodValues({ email: holder.email, name: "Someone Else" });
  await page.goto("/signup");
  await fillSignUp(page, values);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/confirm-email$/);
  await expect(page.getByRole("status")).toHaveText(`We have sent a confirmation link to ${values.email}.`);
  await expectNoCrash(page);

  expect(await db.user.count({ where: { email: holder.email } })).toBe(1);
  const [message] = await db.emailMessage.findMany({ where: { to: holder.email } });
  expect(message.subject).toBe("Someone tried to create a Leadership Essentials account with your email address");
  expect(message.text).not.toMatch(/confirm-email|reset-password/);
  // The holder's own password still works; the one typed at sign-up does not.
  await signInThroughForm(page, holder.email, values.password);
  await expect(errorSummary(page)).toContainText("Enter a correct email address and password");
});

test("a name with line breaks and a link, posted straight to the server, is refused and no email goes out", async ({ page }) => {
  const values = goodValues({ name: "Sir\n\nYour account is suspended. Verify now at https://evil.example/verify" });
  await page.goto("/signup");
  const response = await page.request.post("/signup", { form: values, maxRedirects: 0 });
  expect(response.status()).toBe(400);
  expect(await db.user.count({ where: { email: values.email } })).toBe(0);
  expect(await db.emailMessage.count({ where: { to: values.email } })).toBe(0);
});
