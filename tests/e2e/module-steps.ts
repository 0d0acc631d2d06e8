// Steps shared by the module journeys (not a test file: Playwright only runs *.test.ts).
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import type { KnowledgeCheck } from "~/content/schema";
import { expect } from "../playwright-utils";

/** The knowledge check's questions with their answers, read from the module's knowledge-check.json as a tester would. */
export function knowledgeCheckOf(folder: string): KnowledgeCheck {
  return JSON.parse(readFileSync(`content/modules/${folder}/knowledge-check.json`, "utf8")) as KnowledgeCheck;
}

/**
 * Starts the check if it is not started, then answers the questions shown (drawn for this attempt, options in
 * their own order), recognising each by its prompt in the bank: right for the first `right`, wrong for the rest.
 * Returns the bank's questions in the order they were asked.
 */
export async function answerKnowledgeCheck(page: Page, knowledgeCheck: KnowledgeCheck, right = Infinity) {
  await startKnowledgeCheck(page);
  const asked = await questionsShown(page, knowledgeCheck);
  for (const [index, question] of asked.entries()) {
    const option = question.options.find((o) => o.correct === index < right)!;
    const group = page.getByRole("group", { name: `Question ${index + 1}` });
    await group.getByLabel(option.text, { exact: true }).check();
  }
  await page.getByRole("button", { name: "Check my answers" }).click();
  return asked;
}

/** Presses "Start the knowledge check" when the page offers it (no attempt open yet). */
export async function startKnowledgeCheck(page: Page) {
  const start = page.getByRole("button", { name: "Start the knowledge check" });
  if ((await start.count()) > 0) await start.click();
  await expect(page.getByRole("button", { name: "Check my answers" })).toBeVisible();
}

/** The bank's questions the page shows, in the order shown. */
export async function questionsShown(page: Page, knowledgeCheck: KnowledgeCheck) {
  const legends = await page.locator(".question__prompt").allInnerTexts();
  return legends.map((legend) => {
    const question = knowledgeCheck.questions.find((q) => legend.includes(q.prompt));
    if (!question) throw new Error(`No question in the bank reads: ${legend}`);
    return question;
  });
}

/** Commits to the first choice of every case study on the lesson page and checks its discussion appears. */
export async function answerCaseStudies(page: Page) {
  const count = await page.locator(".case-study").count();
  for (let i = 0; i < count; i++) {
    const caseStudy = page.locator(".case-study").nth(i);
    await expect(caseStudy.getByRole("heading", { name: "Discussion" })).toHaveCount(0);
    const firstChoice = caseStudy.getByRole("radio").first();
    const choiceText = (await caseStudy.locator(".radio label").first().innerText()).trim();
    await firstChoice.check();
    await caseStudy.getByRole("button", { name: "See the discussion" }).click();
    await expect(page.locator(".case-study").nth(i).getByRole("heading", { name: "Discussion" })).toBeVisible();
    await expect(page.locator(".case-study").nth(i).locator(".case-study__choice")).toContainText(choiceText);
  }
  return count;
}
