// Feedback after a course in the browser: a delegate who attended finds the form from their home page, has a
// too-long answer refused, gives it and is thanked; staff see the totals and the comment without a name.
// The form without JavaScript; the pages at 320 px with axe, in English and in Welsh.
import { bookPlace } from "~/courses/booking.server";
import { markAttendance } from "~/courses/delegates.server";
import { db } from "~/utils/db.server";
import { createCouncil, createCourse, createUser } from "../factories";
import { expect, expectAccessible, expectWelshPage, test } from "../playwright-utils";

const origin = { ip: "192.0.2.70", userAgent: "Playwright" };
const DAY = 86_400_000;

/** A course that ended five days ago, a councillor the register marked as attended, and a member of staff. */
async function attendedCourse(name: string, language: "en" | "cy" = "en") {
  const startsAt = new Date(Date.now() - 5 * DAY);
  const booked = new Date(startsAt.getTime() - 10 * DAY);
  const course = await createCourse({ title: `Leading through community tensions ${name}`, startsAt }, booked);
  const council = await createCouncil();
  const delegate = await createUser({ councilId: council.id, name });
  const staff = await createUser({ role: "staff", name: `Events ${name}` });
  await db.user.updateMany({ where: { id: { in: [delegate.id, staff.id] } }, data: { language } });
  const outcome = await bookPlace({ courseId: course.id, userId: delegate.id }, origin, booked);
  if (outcome.status !== "confirmed") throw new Error("not booked");
  await markAttendance({ courseId: course.id, marks: [{ bookingId: outcome.bookingId, attendance: "attended" }], actorId: staff.id }, origin, new Date(startsAt.getTime() + 60_000));
  return { course, delegate, staff };
}

test("a delegate who attended gives feedback from their home page; staff see the totals and the comment, without a name", async ({ page, loginAs }) => {
  test.slow();
  const { course, delegate, staff } = await attendedCourse(`Ffion Feedback ${Date.now()}`);
  await loginAs(delegate);
  await page.goto("/");
  const attended = page.getByRole("region", { name: "Courses you attended" });
  await expect(attended).toContainText(course.title);
  await attended.getByRole("link", { name: "give feedback (optional and anonymous)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Feedback on the course");
  await expect(page.getByText(course.title)).toBeVisible();

  // a too-long answer is refused beside its field, and what was chosen stays
  await page.getByLabel("Very useful").check();
  await page.getByLabel("What will you do differently after the course? (optional)").fill("a".repeat(1001));
  await page.getByRole("button", { name: "Send my feedback" }).click();
  await expect(page.locator(".error-summary")).toContainText("What you will do differently must be 1000 characters or fewer");
  await expect(page.locator("#field-willDo-error")).toContainText("What you will do differently must be 1000 characters or fewer");
  await expect(page.getByLabel("Very useful")).toBeChecked();
  await expectAccessible(page);
  expect(await db.courseFeedback.count({ where: { courseId: course.id } })).toBe(0);

  await page.getByLabel("What will you do differently after the course? (optional)").fill("Hold a ward surgery with the community safety team.");
  await page.getByLabel("Any other comments (optional)").fill("The panel of councillors was the best part of the day.");
  await page.getByRole("button", { name: "Send my feedback" }).click();
  await expect(page.getByRole("status")).toHaveText("Thank you for your feedback.");
  await expect(page.getByText("You have given feedback on this course. Thank you: it helps us plan the next ones.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send my feedback" })).toHaveCount(0);
  await expectAccessible(page);

  // the course page and the home page no longer ask
  await page.getByRole("link", { name: "Back to the course" }).click();
  await expect(page.getByText("You have given feedback on this course. Thank you.")).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("link", { name: "give feedback (optional and anonymous)" })).toHaveCount(0);

  await loginAs(staff);
  await page.goto(`/staff/courses/${course.id}`);
  const feedback = page.getByRole("region", { name: "Feedback" });
  await expect(feedback).toContainText("Responses: 1 of the 1 people who attended (100%)");
  await expect(feedback).toContainText("Average usefulness: 5 out of 5");
  await expect(feedback.getByRole("row", { name: "5: Very useful" })).toContainText("1");
  await expect(feedback.getByRole("row", { name: "1: Not useful" })).toContainText("0");
  await expect(feedback).toContainText("The panel of councillors was the best part of the day.");
  await expect(feedback).toContainText("Hold a ward surgery with the community safety team.");
  await expect(feedback).not.toContainText(delegate.name);
  await expectAccessible(page);
});

test.describe("without JavaScript, at 320 px", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });

  test("the form is refused without a choice, then taken, from the course page's link", async ({ page, loginAs }) => {
    const { course, delegate } = await attendedCourse(`Nye Nojs ${Date.now()}`);
    await loginAs(delegate);
    await page.goto(`/courses/${course.id}`);
    await page.getByRole("link", { name: "Give feedback on this course (optional and anonymous)" }).click();
    await page.getByRole("button", { name: "Send my feedback" }).click();
    await expect(page.locator("#field-usefulness-error")).toContainText("Choose how useful the course was to you");
    await page.getByLabel("Quite useful").check();
    await page.getByRole("button", { name: "Send my feedback" }).click();
    await expect(page.getByRole("status")).toHaveText("Thank you for your feedback.");
    expect(await db.courseFeedback.findMany({ where: { courseId: course.id }, select: { usefulness: true, willDo: true, comments: true } })).toEqual([
      { usefulness: 3, willDo: null, comments: null },
    ]);
  });
});

test.describe("at 320 px", () => {
  test.use({ viewport: { width: 320, height: 800 } });

  for (const language of ["en", "cy"] as const) {
    test(`the feedback pages fit a phone and pass axe, in ${language === "en" ? "English" : "Welsh"}`, async ({ page, loginAs }) => {
      test.slow();
      const { course, delegate, staff } = await attendedCourse(`Small ${language} ${Date.now()}`, language);
      const check = async (path: string) => {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
        expect(scrolls, `${path} scrolls sideways at 320 px`).toBe(false);
        if (language === "cy") await expectWelshPage(page);
        else await expectAccessible(page);
      };
      await loginAs(delegate);
      await check("/");
      await check(`/courses/${course.id}`);
      await check(`/courses/${course.id}/feedback`);
      // refused, then given: the error summary and the thank-you
      await page.getByRole("button", { name: language === "en" ? "Send my feedback" : "Anfon fy adborth" }).click();
      await expect(page.locator("#field-usefulness-error")).toBeVisible();
      if (language === "cy") await expectWelshPage(page);
      else await expectAccessible(page);
      await page.getByLabel(language === "en" ? "Useful" : "Defnyddiol", { exact: true }).check();
      await page.getByLabel(language === "en" ? "Any other comments (optional)" : "Unrhyw sylwadau eraill (dewisol)").fill("Da iawn, diolch.");
      await page.getByRole("button", { name: language === "en" ? "Send my feedback" : "Anfon fy adborth" }).click();
      await expect(page.getByRole("status")).toHaveText(language === "en" ? "Thank you for your feedback." : "Diolch am eich adborth.");
      await check(`/courses/${course.id}/feedback`);
      await loginAs(staff);
      const response = await page.goto(`/staff/courses/${course.id}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("region", { name: language === "en" ? "Feedback" : "Adborth" })).toContainText("Da iawn, diolch.");
      if (language === "cy") await expectWelshPage(page);
      else await expectAccessible(page);
    });
  }
});
