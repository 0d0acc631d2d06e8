// The feedback page's loader and action, called as Remix calls them: each field's refusal on its field in
// the person's language, the domain's refusals on the form, a thank-you after; and the staff course page's
// totals, which officers cannot reach and which name nobody.
import { expect, test } from "vitest";
import { createCouncil, createCourse, createUser } from "../../tests/factories";
import { argsFor, contextFor, outcomeOf } from "../../tests/route-helpers";
import { bookPlace } from "~/courses/booking.server";
import { markAttendance } from "~/courses/delegates.server";
import { db } from "~/utils/db.server";
import { getFlash } from "~/utils/flash.server";
import type { FormResult } from "~/utils/forms";
import * as feedbackPage from "./courses.$courseId_.feedback";
import * as coursePage from "./courses.$courseId";
import * as staffCoursePage from "./staff.courses.$courseId._index";

type Context = Awaited<ReturnType<typeof contextFor>>;
type Refused = { init: { status: number }; data: FormResult };
const origin = { ip: "192.0.2.21", userAgent: "Vitest" };
const DAY = 86_400_000;

async function flashOf(response: Response) {
  const cookie = response.headers.getSetCookie().map((header) => header.split(";")[0]).join("; ");
  return (await getFlash(new Request("http://localhost/", { headers: { Cookie: cookie } }))).message;
}

/** A course that ended nine days ago; the visitors in `attended` were marked attended, those in `absent` absent. */
async function pastCourse({ attended = [], absent = [] }: { attended?: Context[]; absent?: Context[] }) {
  const startsAt = new Date(Date.now() - 10 * DAY);
  const booked = new Date(startsAt.getTime() - 10 * DAY);
  const course = await createCourse({ startsAt }, booked);
  const marks = [];
  for (const [people, attendance] of [
    [attended, "attended"],
    [absent, "absent"],
  ] as const) {
    for (const person of people) {
      const outcome = await bookPlace({ courseId: course.id, userId: person.user!.id }, origin, booked);
      if (outcome.status !== "confirmed") throw new Error("not booked");
      marks.push({ bookingId: outcome.bookingId, attendance });
    }
  }
  const staff = await createUser({ role: "staff" });
  await markAttendance({ courseId: course.id, marks, actorId: staff.id }, origin, new Date(startsAt.getTime() + 60_000));
  return course;
}

function post(context: Context, courseId: string, form: Record<string, string>) {
  return outcomeOf(() => feedbackPage.action(argsFor(`/courses/${courseId}/feedback`, context, { method: "POST", params: { courseId }, form })));
}

test("each field is refused on its own, in the person's language, and the answers typed come back", async () => {
  const council = await createCouncil();
  const ann = await contextFor("councillor", council.id);
  const course = await pastCourse({ attended: [ann] });

  const noScore = (await post(ann, course.id, { willDo: "Brief the group" })) as Refused;
  expect(noScore.init.status).toBe(400);
  expect(noScore.data).toMatchObject({ fieldErrors: { usefulness: "Choose how useful the course was to you" }, values: { willDo: "Brief the group" } });
  const outOfScale = (await post(ann, course.id, { usefulness: "6" })) as Refused;
  expect(outOfScale.data.fieldErrors).toEqual({ usefulness: "Choose how useful the course was to you" });
  const longWillDo = (await post(ann, course.id, { usefulness: "4", willDo: "x".repeat(1001) })) as Refused;
  expect(longWillDo.data.fieldErrors).toEqual({ willDo: "What you will do differently must be 1000 characters or fewer" });
  const longComments = (await post(ann, course.id, { usefulness: "4", comments: "y".repeat(2001) })) as Refused;
  expect(longComments.data.fieldErrors).toEqual({ comments: "Comments must be 2000 characters or fewer" });

  const welsh = { ...ann, language: "cy" as const };
  const inWelsh = (await post(welsh, course.id, { comments: "y".repeat(2001) })) as Refused;
  expect(inWelsh.data.fieldErrors).toEqual({
    usefulness: "Dewiswch pa mor ddefnyddiol oedd y cwrs i chi",
    comments: "Rhaid i'r sylwadau fod yn 2000 nod neu lai",
  });
  expect(await db.courseFeedback.count({ where: { courseId: course.id } })).toBe(0);
});

test("a delegate who attended gives feedback once and is thanked; the course page then says so", async () => {
  const council = await createCouncil();
  const ann = await contextFor("councillor", council.id);
  const course = await pastCourse({ attended: [ann] });
  const page = await feedbackPage.loader(argsFor(`/courses/${course.id}/feedback`, ann, { params: { courseId: course.id } }));
  expect(page).toMatchObject({ state: "open", refusal: null });
  const before = await coursePage.loader(argsFor(`/courses/${course.id}`, ann, { params: { courseId: course.id } }));
  expect(before.feedback).toBe("open");

  const given = (await post(ann, course.id, { usefulness: "5", willDo: "  Brief my group  ", comments: "" })) as Response;
  expect(given.status).toBe(302);
  expect(given.headers.get("Location")).toBe(`/courses/${course.id}/feedback`);
  expect(await flashOf(given)).toBe("Thank you for your feedback.");
  expect(await db.courseFeedback.findFirst({ where: { courseId: course.id }, select: { usefulness: true, willDo: true, comments: true } })).toEqual({
    usefulness: 5,
    willDo: "Brief my group",
    comments: null,
  });

  const again = (await post(ann, course.id, { usefulness: "1" })) as Refused;
  expect(again.init.status).toBe(409);
  expect(again.data.formError).toBe("You have already given feedback on this course: it can be given once.");
  expect(await db.courseFeedback.count({ where: { courseId: course.id } })).toBe(1);
  const after = await coursePage.loader(argsFor(`/courses/${course.id}`, ann, { params: { courseId: course.id } }));
  expect(after.feedback).toBe("already");
});

test("someone marked absent, or not on the course, is told why and nothing is saved", async () => {
  const council = await createCouncil();
  const [bob, officer] = [await contextFor("councillor", council.id), await contextFor("officer", council.id)];
  const course = await pastCourse({ absent: [bob] });
  for (const visitor of [bob, officer]) {
    const page = await feedbackPage.loader(argsFor(`/courses/${course.id}/feedback`, visitor, { params: { courseId: course.id } }));
    expect(page.refusal).toBe("Feedback is for people the register shows attended this course.");
    const refused = (await post(visitor, course.id, { usefulness: "3" })) as Refused;
    expect(refused.init.status).toBe(400);
    expect(refused.data.formError).toBe("Feedback is for people the register shows attended this course.");
  }
  const missing = await post(bob, "no-such-course", { usefulness: "3" });
  expect((missing as Response).status).toBe(404);
  expect(await db.courseFeedback.count({ where: { courseId: course.id } })).toBe(0);
});

test("staff see the totals and comments without names; officers and councillors cannot reach them", async () => {
  const council = await createCouncil();
  const [ann, bob] = [await contextFor("councillor", council.id), await contextFor("councillor", council.id)];
  const course = await pastCourse({ attended: [ann, bob] });
  await post(ann, course.id, { usefulness: "4", comments: "The panel was excellent" });

  const officer = await contextFor("officer", council.id);
  for (const [who, visitor] of [
    ["officer", officer],
    ["councillor", ann],
  ] as const) {
    const refused = await outcomeOf(() => staffCoursePage.loader(argsFor(`/staff/courses/${course.id}`, visitor, { params: { courseId: course.id } })));
    expect((refused as Response).status, who).toBe(403);
  }

  const staff = await contextFor("staff");
  const { feedback } = await staffCoursePage.loader(argsFor(`/staff/courses/${course.id}`, staff, { params: { courseId: course.id } }));
  expect(feedback).toMatchObject({ count: 1, attended: 2, responseRate: 0.5, average: 4, comments: ["The panel was excellent"], willDo: [] });
  expect(JSON.stringify(feedback)).not.toContain(ann.user!.name);
  expect(JSON.stringify(feedback)).not.toContain(ann.user!.id);
});
