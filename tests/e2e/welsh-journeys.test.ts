// The main journeys in Welsh, with axe on each page (and the HTML checker): a councillor signs up in Welsh,
// gets their email in Welsh, confirms and signs in, takes the induction module (written in Welsh) to a
// certificate, and the pages never fall back to the English catalogue's words.
import { readFileSync } from "node:fs";
import type { KnowledgeCheck } from "~/content/schema";
import { db } from "~/utils/db.server";
import { expect, expectWelshPage, linkFromLatestEmail, test, uniqueEmail } from "../playwright-utils";

// The Welsh catalogues, read as files (Playwright's loader does not import JSON without an attribute).
const welsh = <T,>(namespace: string) => JSON.parse(readFileSync(`app/i18n/locales/cy/${namespace}.json`, "utf8")) as T;
const auth = welsh<typeof import("~/i18n/locales/cy/auth.json")>("auth");
const learning = welsh<typeof import("~/i18n/locales/cy/learning.json")>("learning");

test.use({ locale: "cy-GB" });

const say = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));

test("a councillor signs up in Welsh, gets their email in Welsh, confirms it and signs in", async ({ page }) => {
  const email = uniqueEmail("cymraeg");
  await page.goto("/signup");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(auth.signup.heading);
  await expectWelshPage(page);

  // An empty form: every message in Welsh.
  await page.getByRole("button", { name: auth.signup.submit }).click();
  await expect(page.locator(".error-summary")).toBeVisible();
  await expectWelshPage(page);

  await page.getByLabel(auth.signup.name).fill("Gwenllian Prys");
  await page.getByLabel("Cyfeiriad e-bost").fill(email);
  await page.getByLabel(auth.councilField.label).fill("Cyngor Gwynedd");
  await page.getByLabel(auth.signup.electedOn).fill("2022-05-05");
  await page.getByLabel(auth.signup.password).fill("llechen-eryri-tonnau-47");
  await page.getByRole("button", { name: auth.signup.submit }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(auth.checkEmail.heading);
  await expectWelshPage(page);

  const account = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: { include: { council: true } } } });
  expect(account.language).toBe("cy");
  expect(account.memberships.map((membership) => [membership.council.name, membership.confirmedAt])).toEqual([["Cyngor Gwynedd", null]]);
  const message = await db.emailMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  expect(message.text).toContain("cadarnhewch eich cyfeiriad e-bost");
  expect(message.text).not.toContain("Dear");

  await page.goto(await linkFromLatestEmail(email, "/confirm-email/"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(auth.confirmEmail.heading);
  await expectWelshPage(page);
  await page.getByRole("button", { name: auth.confirmEmail.submit }).click();
  await expect(page).toHaveURL(/\/login/);
  await expectWelshPage(page);
  await page.getByLabel("Cyfeiriad e-bost").fill(email);
  await page.getByLabel(auth.login.password).fill("llechen-eryri-tonnau-47");
  await page.getByRole("main").getByRole("button", { name: auth.login.submit }).click();
  await expect(page.getByRole("status")).toHaveText(auth.login.signedIn);
  await expectWelshPage(page);
});

function welshBank(): KnowledgeCheck {
  return JSON.parse(readFileSync("content/modules/05-councillor-induction/cy/knowledge-check.json", "utf8")) as KnowledgeCheck;
}

test("a councillor takes the induction module in Welsh, passes the knowledge check and gets a Welsh certificate", async ({ page, login }) => {
  test.slow(); // nine lessons, each checked
  await login({ role: "councillor", name: "Dafydd ap Gwilym" });
  await page.goto("/modules");
  await expectWelshPage(page);
  const card = page.locator(".module-card").filter({ hasText: "Sefydlu cynghorwyr newydd" });
  await expect(card).toContainText(learning.writtenIn.both);
  await card.getByRole("link").click();
  await expect(page.locator(".prose")).not.toHaveAttribute("lang"); // written in Welsh: nothing to mark
  await expectWelshPage(page);

  await page.getByRole("link", { name: learning.module.start }).click();
  for (let lesson = 1; ; lesson++) {
    await expect(page.locator(".caption")).toContainText(say(learning.lesson.position, { position: lesson, total: 9, duration: "" }).split(" · ")[0]!);
    if (lesson === 1) await expectWelshPage(page);
    const caseStudies = page.locator(".case-study");
    for (let i = 0; i < (await caseStudies.count()); i++) {
      await caseStudies.nth(i).getByRole("radio").first().check();
      await caseStudies.nth(i).getByRole("button", { name: learning.content.seeDiscussion }).click();
      await expect(page.locator(".case-study").nth(i).getByRole("heading", { name: learning.content.discussion })).toBeVisible();
      if (lesson <= 2) await expectWelshPage(page);
    }
    if (await page.getByRole("button", { name: learning.lesson.complete, exact: true }).count()) {
      await page.getByRole("button", { name: learning.lesson.complete, exact: true }).click();
      break;
    }
    await page.getByRole("button", { name: learning.lesson.completeAndContinue }).click();
  }

  await page.getByRole("button", { name: learning.check.start }).click();
  await expectWelshPage(page);
  const bank = welshBank();
  const prompts = await page.locator(".question__prompt").allInnerTexts();
  for (const [index, prompt] of prompts.entries()) {
    const question = bank.questions.find((q) => prompt.includes(q.prompt))!;
    const right = question.options.find((option) => option.correct)!;
    await page.getByRole("group", { name: say(learning.check.question, { number: index + 1 }) }).getByLabel(right.text, { exact: true }).check();
  }
  await page.getByRole("button", { name: learning.check.submit }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(learning.check.passedHeading);
  await expectWelshPage(page);

  await page.getByRole("link", { name: learning.viewCertificate }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(learning.certificate.heading);
  const certificate = page.locator(".certificate");
  await expect(certificate).toContainText("Dafydd ap Gwilym");
  await expect(certificate).toContainText("Sefydlu cynghorwyr newydd");
  await expect(certificate).toContainText(
    new Date().toLocaleDateString("cy-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" }),
  );
  await expectWelshPage(page);
});
