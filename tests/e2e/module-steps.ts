// Steps shared by the module journeys (not a test file: Playwright only runs *.test.ts).
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import type { KnowledgeCheck } from "~/content/schema";
import { expect } from "../playwright-utils";

/** The knowledge check's questions with their answers, read from the module's knowledge-check.json as a tester would. */
export function knowledgeCheckOf(folder: string): KnowledgeCheck {
  return JSON.parse(readFileSync(`content/modules/${folder}/knowledge-check.json`, "utf8")) as KnowledgeCheck;
}

/** Answers every question: right for the first `right` questions, wrong for the rest. */
export async function answerKnowledgeCheck(page: Page, knowledgeCheck: KnowledgeCheck, right = knowledgeCheck.questions.length) {
  for (const [index, question] of knowledgeCheck.questions.entries()) {
    const option = question.options.find((o) => o.correct === index < right)!;
    const group = page.getByRole("group", { name: `Question ${index + 1}` });
    await group.getByLabel(option.text, { exact: true }).check();
  }
  await page.getByRole("button", { name: "Check my answers" }).click();
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
