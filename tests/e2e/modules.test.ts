// A councillor's learning journeys in a real browser: a whole module to a verified certificate, a failed
// then passed knowledge check, and picking up again after signing out.
import { expect, expectAccessible, signOut, test } from "../playwright-utils";
import { expectNoCrash, signInThroughForm } from "./account-steps";
import { answerCaseStudies, answerKnowledgeCheck, knowledgeCheckOf, startKnowledgeCheck } from "./module-steps";

test("a councillor takes a whole module to a certificate, prints it and anyone can verify it", async ({ page, login, browser }) => {
  test.slow(); // a whole module: every page checked with axe and the HTML checker, and a PDF
  const councillor = await login({ role: "councillor", name: "Ffion Rees-Jenkins" });
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Modules" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Online modules");
  await expect(page.locator(".module-card")).toHaveCount(10);
  await expectAccessible(page);

  await page.getByRole("link", { name: /Standards and conduct/ }).click();
  await expect(page.locator(".module-card")).toHaveCount(1);
  await expect(page.locator(".module-card")).toContainText("Not started");
  await page.getByRole("link", { name: "Standards in public office" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Standards in public office");
  await expect(page.getByRole("heading", { name: "What you will learn" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Start the module" }).click();
  let caseStudies = 0;
  for (let lesson = 1; ; lesson++) {
    await expect(page.locator(".caption")).toContainText(`Lesson ${lesson} of`);
    if (lesson === 1) await expectAccessible(page);
    caseStudies += await answerCaseStudies(page);
    const last = await page.getByRole("button", { name: "Mark complete", exact: true }).count();
    if (last) {
      await page.getByRole("button", { name: "Mark complete", exact: true }).click();
      break;
    }
    await page.getByRole("button", { name: "Mark complete and continue" }).click();
  }
  expect(caseStudies).toBeGreaterThan(0);

  // after the last lesson: the knowledge check
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Knowledge check");
  await expectAccessible(page);
  await answerKnowledgeCheck(page, knowledgeCheckOf("06-standards-in-public-office"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You passed the knowledge check");
  await expect(page.getByRole("status")).toHaveText("You have completed Standards in public office. Your certificate is ready.");
  await page.getByRole("link", { name: "View your certificate" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Certificate of completion");
  const certificate = page.locator(".certificate");
  await expect(certificate).toContainText("Ffion Rees-Jenkins");
  await expect(certificate).toContainText("Standards in public office");
  await expect(certificate).toContainText(
    new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" }),
  );
  const code = (await page.locator(".certificate__code").innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expectAccessible(page);

  // on paper: one A4 page, without the site's navigation
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(certificate).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // the home page and the catalogue now show it done
  await page.goto("/");
  await expect(page.getByText("You have completed 1 of 10 online modules.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Standards in public office" })).toBeVisible();

  // anyone, signed out, can check the code and sees the name, module and date only
  const stranger = await browser.newContext();
  const verifier = await stranger.newPage();
  await verifier.goto("/verify");
  await verifier.getByLabel("Verification code").fill(code.toLowerCase().replaceAll("-", " "));
  await verifier.getByRole("button", { name: "Check the certificate" }).click();
  await expect(verifier.getByRole("heading", { level: 1 })).toHaveText("This certificate is genuine");
  await expect(verifier.locator(".summary-list")).toContainText("Ffion Rees-Jenkins");
  await expect(verifier.locator(".summary-list")).toContainText("Standards in public office");
  await expect(verifier.locator("main")).not.toContainText(councillor.email);
  await expect(verifier.locator("main")).not.toContainText("Council");
  await expectAccessible(verifier);
  await verifier.goto("/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ");
  await expect(verifier.getByRole("heading", { level: 1 })).toHaveText("Certificate not found");
  await expectNoCrash(verifier);
  await stranger.close();
});

test("a failed knowledge check shows what was wrong and where to read again; a retry draws again and passes; the best score is kept", async ({
  page,
  login,
}) => {
  await login({ role: "councillor" });
  const knowledgeCheck = knowledgeCheckOf("02-prevent-duty");
  await page.goto("/modules/prevent-duty/check");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Knowledge check");
  await expect(page.getByRole("group")).toHaveCount(0);
  await expectAccessible(page);
  await startKnowledgeCheck(page);
  // eight questions drawn from the bank; nothing in the page says which answer is right before submitting
  await expect(page.getByRole("group")).toHaveCount(8);
  const html = await page.content();
  for (const question of knowledgeCheck.questions) expect(html).not.toContain(question.explanation);
  // reloading shows the same questions, in the same order
  const firstDraw = await page.locator(".question").allInnerTexts();
  await page.reload();
  expect(await page.locator(".question").allInnerTexts()).toEqual(firstDraw);

  await page.getByRole("button", { name: "Check my answers" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("listitem")).toHaveCount(8);
  await expect(summary.getByRole("listitem").first()).toHaveText("Choose an answer to question 1");
  await expectAccessible(page);

  const asked = await answerKnowledgeCheck(page, knowledgeCheck, 2);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You did not pass this time");
  await expect(page.locator(".result-panel__score")).toHaveText("You scored 2 out of 8 (25%)");
  const wrong = page.locator(".answer--wrong");
  await expect(wrong).toHaveCount(6);
  // for each wrong answer, the lesson to read again; never the right answer or why
  const third = asked[2]!;
  await expect(wrong.first()).toContainText(third.prompt);
  await expect(wrong.first().getByRole("link")).toHaveAttribute("href", `/modules/prevent-duty/lessons/${third.lesson}`);
  const results = await page.locator("main").innerText();
  for (const question of asked.slice(2)) {
    expect(results).not.toContain(question.explanation);
    expect(results).not.toContain(question.options.find((o) => o.correct)!.text);
  }
  await expectAccessible(page);

  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("group")).toHaveCount(8);
  await answerKnowledgeCheck(page, knowledgeCheck);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You passed the knowledge check");
  await expect(page.locator(".answer--wrong")).toHaveCount(0);
  // after a pass, every answer with its explanation
  await expect(page.locator(".answer__why")).toHaveCount(8);
  // a worse attempt later does not lower the best score
  await page.getByRole("button", { name: "Take it again" }).click();
  await answerKnowledgeCheck(page, knowledgeCheck, 1);
  await expect(page.getByText("Your best score is 100%.")).toBeVisible();
  await page.goto("/modules/prevent-duty");
  await expect(page.locator(".lesson-list")).toContainText("Passed (100%)");
  // the lessons are still to do, so the module is not complete yet
  await expect(page.locator(".summary-list")).toContainText("In progress");
});

test("progress survives signing out: the home page offers to continue where the councillor left off", async ({ page, login }) => {
  const councillor = await login({ role: "councillor" });
  await page.goto("/modules/emergency-planning");
  await page.getByRole("link", { name: "Start the module" }).click();
  await page.getByRole("button", { name: "Mark complete and continue" }).click();
  await expect(page.locator(".caption")).toContainText("Lesson 2 of");
  await page.getByRole("button", { name: "Mark complete and continue" }).click();
  await expect(page.locator(".caption")).toContainText("Lesson 3 of");
  const third = (await page.getByRole("heading", { level: 1 }).innerText()).trim();

  await signOut(page);
  await signInThroughForm(page, councillor.email);
  await expect(page.getByRole("heading", { name: "Continue where you left off" })).toBeVisible();
  await expect(page.locator(".panel")).toContainText("Emergency planning and civil resilience");
  await expectAccessible(page);
  await page.getByRole("link", { name: `Continue: ${third}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(third);

  await page.goto("/modules/emergency-planning");
  await expect(page.locator(".lesson-list .tag--green")).toHaveCount(2);
  await expect(page.getByRole("link", { name: `Continue: ${third}` })).toBeVisible();
  await page.goto("/modules");
  await expect(page.locator(".module-card").filter({ hasText: "Emergency planning" })).toContainText(/In progress – \d+%/);
});

test("a reflection is private to its author, can be changed and deleted", async ({ page, login }) => {
  await login({ role: "councillor" });
  await page.goto("/modules/counter-extremism");
  await page.getByRole("link", { name: "Start the module" }).click();
  const reflection = page.locator(".reflection").first();
  await expect(reflection).toContainText("only you can see what you write here");
  await reflection.getByRole("button", { name: "Save my reflection" }).click();
  await expect(page.locator(".reflection").first().getByRole("alert")).toHaveText("Error: Write your reflection before saving it");

  await page.locator(".reflection textarea").first().fill("Our ward forum could host a listening session after the next incident.");
  await page.locator(".reflection").first().getByRole("button", { name: "Save my reflection" }).click();
  await expect(page.getByRole("status")).toHaveText("Your reflection has been saved. Only you can see it.");
  await page.reload();
  await expect(page.locator(".reflection textarea").first()).toHaveValue(
    "Our ward forum could host a listening session after the next incident.",
  );
  await expectAccessible(page);

  await page.locator(".reflection").first().getByRole("button", { name: "Delete this reflection" }).click();
  await expect(page.getByRole("status")).toHaveText("Your reflection has been deleted.");
  await expect(page.locator(".reflection textarea").first()).toHaveValue("");
});

test("staff and officers can read a module but not take it", async ({ page, login }) => {
  await login({ role: "officer" });
  await page.goto("/modules/prevent-duty/lessons/what-the-duty-says");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What the duty says");
  await expect(page.getByRole("button", { name: /Mark complete/ })).toHaveCount(0);
  await expect(page.locator(".reflection textarea")).toHaveCount(0);
  const response = await page.goto("/modules/prevent-duty/check");
  expect(response?.status()).toBe(403);
});
