// Staff scheduling, publishing, changing and cancelling a course, and running its register on a phone.
// Delegates' calendars are read back with ical.js: one event per booking, SEQUENCE rising, CANCEL at the end.
import { bookPlace } from "~/courses/booking.server";
import { db } from "~/utils/db.server";
import { ukParts } from "~/utils/uk-time";
import { invitesTo } from "../calendar";
import { createCouncil, createCourse, createUser } from "../factories";
import { expect, expectAccessible, test } from "../playwright-utils";

const origin = { ip: "192.0.2.51", userAgent: "Playwright" };
const DAY = 86_400_000;

/** A datetime-local value `days` from now at a UK time. */
function ukLocal(days: number, time: string) {
  return `${ukParts(new Date(Date.now() + days * DAY)).date}T${time}`;
}

test("staff schedule a course, publish it, move it (delegates get an updated invite) and cancel it (a calendar cancellation)", async ({ page, login }) => {
  test.slow();
  await login({ role: "staff", name: "Sara Scheduler" });
  const title = `Emergency planning for councillors ${Date.now()}`;
  await page.goto("/staff/courses");
  await page.getByRole("link", { name: "Schedule a course" }).click();
  await expectAccessible(page);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Topic", { exact: true }).selectOption({ label: "Emergency planning and resilience" });
  await page.getByLabel("Description", { exact: true }).fill("The councillor's part before, during and after an emergency.");
  await page.getByRole("radio", { name: "In person", exact: true }).check();
  await page.getByLabel("Venue", { exact: true }).fill("Birmingham Council House");
  await page.getByLabel("Address of the venue").fill("Victoria Square, Birmingham B1 1BB");
  await page.getByLabel("Starts", { exact: true }).fill(ukLocal(40, "09:30"));
  await page.getByLabel("Ends", { exact: true }).fill(ukLocal(40, "16:00"));
  await page.getByLabel("Booking opens").fill(ukLocal(-1, "09:00"));
  await page.getByLabel("Booking closes").fill(ukLocal(38, "17:00"));
  await page.getByLabel("Cancellation cut-off").fill(ukLocal(33, "17:00"));
  await page.getByLabel("Number of places").fill("2");
  await page.getByRole("radio", { name: "Councillors", exact: true }).check();
  await page.getByLabel("Contact name").fill("Events team");
  await page.getByLabel("Contact email address").fill("events@example.org");
  await page.getByRole("button", { name: "Save as a draft" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved as a draft: councillors cannot see it until you publish it.");
  const course = await db.course.findFirstOrThrow({ where: { title } });
  expect(ukParts(course.startsAt).time).toBe("09:30");

  // A draft is invisible to councillors.
  const council = await createCouncil();
  const delegate = await createUser({ councilId: council.id, name: "Dafydd Delegate" });
  expect(await bookPlace({ courseId: course.id, userId: delegate.id }, origin)).toEqual({ status: "not-found" });
  await page.getByRole("button", { name: "Publish the course" }).click();
  await expect(page.getByRole("status")).toHaveText("Course published. The people it is for can see it now, and book once booking opens.");
  expect((await bookPlace({ courseId: course.id, userId: delegate.id, accessNeeds: "Large print, please" }, origin)).status).toBe("confirmed");
  await page.reload();
  const delegates = page.getByRole("table", { name: "Delegates: people with a place" });
  await expect(delegates).toContainText("Dafydd Delegate");
  await expect(delegates).toContainText("Large print, please");
  await expectAccessible(page);

  // Moving the course tells the delegate with an updated invite: same event, higher SEQUENCE.
  await page.getByRole("link", { name: "Change the course" }).click();
  await page.getByLabel("Starts", { exact: true }).fill(ukLocal(41, "10:00"));
  await page.getByLabel("Ends", { exact: true }).fill(ukLocal(41, "16:30"));
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("We have emailed 1 person with a place or an offer");
  const [first, moved] = await invitesTo(delegate.email);
  expect(moved).toMatchObject({ method: "REQUEST", uid: first.uid, sequence: first.sequence + 1 });

  await page.getByLabel("Yes, cancel this course and tell everyone booked on it").check();
  await page.getByRole("button", { name: "Cancel the course" }).click();
  await expect(page.getByRole("status")).toContainText("Course cancelled. We have told 1 person by email");
  const cancelled = (await invitesTo(delegate.email)).at(-1)!;
  expect(cancelled).toMatchObject({ method: "CANCEL", headerMethod: "CANCEL", uid: first.uid, sequence: first.sequence + 2, status: "CANCELLED" });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 320, height: 720 } });

  test("staff mark the register once the course has started", async ({ page, login }) => {
    const council = await createCouncil();
    const started = new Date(Date.now() - 2 * 3_600_000);
    const course = await createCourse({ title: `Prevent day ${Date.now()}`, startsAt: started, bookingOpensAt: new Date(Date.now() - 30 * DAY) }, new Date(Date.now() - 20 * DAY));
    const people = await Promise.all(["Alaw Present", "Bryn Absent"].map((name) => createUser({ councilId: council.id, name })));
    for (const person of people) await bookPlace({ courseId: course.id, userId: person.id }, origin, new Date(Date.now() - 10 * DAY));
    await login({ role: "staff" });
    await page.goto(`/staff/courses/${course.id}/register`);
    await page.getByRole("group", { name: "Alaw Present" }).getByLabel("Attended").check();
    await page.getByRole("group", { name: "Bryn Absent" }).getByLabel("Did not attend").check();
    await page.getByRole("button", { name: "Save the register" }).click();
    await expect(page.getByRole("status")).toHaveText("Register saved: 2 marks changed.");
    const marks = await db.booking.findMany({ where: { courseId: course.id }, select: { attendance: true, user: { select: { name: true } } }, orderBy: { user: { name: "asc" } } });
    expect(marks.map((mark) => [mark.user.name, mark.attendance])).toEqual([
      ["Alaw Present", "attended"],
      ["Bryn Absent", "absent"],
    ]);
    const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    expect(scrolls, "the register scrolls sideways at 320 px").toBe(false);
    await expectAccessible(page);
  });
});
