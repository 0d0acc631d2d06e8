// Every page of scheduled courses on a 320 px screen with axe, and the staff forms and the calendar feed
// without JavaScript: what the journeys in courses.test.ts and staff-courses.test.ts do not already cover.
import type { Page } from "@playwright/test";
import { bookPlace, cancelBooking } from "~/courses/booking.server";
import { db } from "~/utils/db.server";
import { createCouncil, createCourse, createUser } from "../factories";
import { expect, expectAccessible, linkFromLatestEmail, test } from "../playwright-utils";

const origin = { ip: "192.0.2.52", userAgent: "Playwright" };

async function expectFitsAndAccessible(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  expect(scrolls, `${path} scrolls sideways at 320 px`).toBe(false);
  await expectAccessible(page);
}

test.describe("at 320 px", () => {
  test.use({ viewport: { width: 320, height: 800 } });

  test("staff's course pages fit a phone and pass axe", async ({ page, login }) => {
    test.slow();
    const council = await createCouncil();
    const course = await createCourse({ capacity: 1, title: `Civil resilience for councillors ${Date.now()}` });
    const people = await Promise.all(["Anwen", "Bleddyn"].map((name) => createUser({ councilId: council.id, name: `${name} Phone` })));
    for (const person of people) await bookPlace({ courseId: course.id, userId: person.id, accessNeeds: "Step-free access" }, origin);
    await login({ role: "staff" });
    for (const path of ["/staff/courses", "/staff/courses/new", `/staff/courses/${course.id}`, `/staff/courses/${course.id}/edit`, `/staff/courses/${course.id}/sign-in-sheet`]) {
      await expectFitsAndAccessible(page, path);
    }
  });

  test("a councillor's pages fit a phone and pass axe: the list, a course waited for, the decline page, the calendar feed", async ({ page, login }) => {
    test.slow();
    const council = await createCouncil();
    const course = await createCourse({ capacity: 1, title: `Community leadership day ${Date.now()}` });
    const holder = await createUser({ councilId: council.id });
    const first = await bookPlace({ courseId: course.id, userId: holder.id }, origin);
    if (first.status !== "confirmed") throw new Error("no place");
    const person = await login({ councilId: council.id, name: "Ceri Phone" });
    await bookPlace({ courseId: course.id, userId: person.id }, origin);
    await expectFitsAndAccessible(page, "/courses");
    await expectFitsAndAccessible(page, `/courses/${course.id}`);
    await cancelBooking({ bookingId: first.bookingId, userId: holder.id }, origin);
    const accept = await linkFromLatestEmail(person.email, "/bookings/");
    await expectFitsAndAccessible(page, accept.replace(/accept$/, "decline"));
    await expectFitsAndAccessible(page, "/account/calendar");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("staff publish a draft and add a delegate; a councillor makes a calendar feed and the feed answers", async ({ page, login, loginAs }) => {
    test.slow();
    const council = await createCouncil();
    const course = await createCourse({ status: "draft", title: `Draft for no-JS ${Date.now()}` });
    const delegate = await createUser({ councilId: council.id, name: "Dilys Delegate" });
    await login({ role: "staff" });
    await page.goto(`/staff/courses/${course.id}`);
    await page.getByRole("button", { name: "Publish the course" }).click();
    await expect(page.getByRole("status")).toContainText("Course published.");
    await page.getByLabel("Their email address").fill(delegate.email);
    await page.getByLabel("Reason", { exact: true }).fill("Speaker on the day");
    await page.getByRole("button", { name: "Add as a delegate" }).click();
    await expect(page.getByRole("status")).toHaveText(`${delegate.email} now has a place. We have emailed them a calendar invitation.`);
    expect((await db.auditEvent.findFirstOrThrow({ where: { type: "place-booked", userId: delegate.id } })).detail).toContain("Speaker on the day");

    await loginAs(delegate);
    await page.goto("/account/calendar");
    await page.getByRole("button", { name: "Make your calendar feed address" }).click();
    const address = await page.getByRole("textbox", { name: "Calendar feed address" }).inputValue();
    const feed = await page.request.get(new URL(address).pathname);
    expect(feed.headers()["content-type"]).toContain("text/calendar");
    expect(await feed.text()).toContain(course.title);
  });
});
