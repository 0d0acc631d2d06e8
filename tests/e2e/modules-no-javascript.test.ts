// The lesson player as plain HTML forms, for browsers where JavaScript fails or is off.
import { expect, expectValidHtml, test } from "../playwright-utils";
import { expectNoCrash } from "./account-steps";
import { answerKnowledgeCheck, knowledgeCheckOf } from "./module-steps";

test.use({ javaScriptEnabled: false });

test("without JavaScript a councillor answers a case study, keeps a reflection, completes lessons and passes the check", async ({
  page,
  login,
}) => {
  await login({ role: "councillor" });
  await page.goto("/modules/prevent-duty");
  await page.getByRole("link", { name: "Start the module" }).click();
  await expect(page.locator(".caption")).toContainText("Lesson 1 of 6");

  // the first lesson has a reflection
  const reflection = page.locator(".reflection").first();
  await reflection.getByRole("button", { name: "Save my reflection" }).click();
  await expect(page.locator(".reflection").first()).toContainText("Write your reflection before saving it");
  // the page comes back at the form, not at the top
  await expect(page).toHaveURL(/#reflection-/);
  await expectNoCrash(page);
  await expectValidHtml(page); // the refused form, as the server sent it
  await page.locator(".reflection textarea").first().fill("Ask the Prevent lead how referrals from our libraries are handled.");
  await page.locator(".reflection").first().getByRole("button", { name: "Save my reflection" }).click();
  await expect(page).toHaveURL(/#reflection-/);
  await expect(page.locator(".reflection textarea").first()).toHaveValue(
    "Ask the Prevent lead how referrals from our libraries are handled.",
  );
  await page.locator(".reflection").first().getByRole("button", { name: "Delete this reflection" }).click();
  await expect(page.locator(".reflection textarea").first()).toHaveValue("");

  await page.getByRole("button", { name: "Mark complete and continue" }).click();
  await expect(page.locator(".caption")).toContainText("Lesson 2 of 6");

  // the second lesson has a case study: no discussion until a choice is made
  const caseStudy = page.locator(".case-study").first();
  await expect(caseStudy.getByRole("heading", { name: "Discussion" })).toHaveCount(0);
  await caseStudy.getByRole("button", { name: "See the discussion" }).click();
  await expect(page.locator(".case-study").first()).toContainText("Choose what you would do, then you can read the discussion");
  await expectValidHtml(page);
  await page.locator(".case-study").first().getByRole("radio").nth(1).check();
  await page.locator(".case-study").first().getByRole("button", { name: "See the discussion" }).click();
  await expect(page).toHaveURL(/#case-/);
  await expect(page.locator(".case-study").first().getByRole("heading", { name: "Discussion" })).toBeVisible();

  for (let lesson = 2; lesson < 6; lesson++) {
    await page.getByRole("button", { name: "Mark complete and continue" }).click();
    await expect(page.locator(".caption")).toContainText(`Lesson ${lesson + 1} of 6`);
  }
  await page.getByRole("button", { name: "Mark complete", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Knowledge check");

  await answerKnowledgeCheck(page, knowledgeCheckOf("02-prevent-duty"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You passed the knowledge check");
  await page.getByRole("link", { name: "View your certificate" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Certificate of completion");
  await expect(page.getByText("Use your browser's print command")).toBeVisible();
});
