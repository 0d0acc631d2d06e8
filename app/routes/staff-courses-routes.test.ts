// The staff course pages' loaders and actions, called as Remix calls them: times typed on the UK clock, the
// domain's refusals shown on the right field or form, and the delegates' file as a download.
import { expect, test } from "vitest";
import { createCouncil, createCourse, createUser } from "../../tests/factories";
import { argsFor, contextFor, outcomeOf } from "../../tests/route-helpers";
import { bookPlace } from "~/courses/booking.server";
import { db } from "~/utils/db.server";
import { getFlash } from "~/utils/flash.server";
import type { FormResult } from "~/utils/forms";
import * as coursePage from "./staff.courses.$courseId._index";
import * as csv from "./staff.courses.$courseId.delegates[.]csv";
import * as editPage from "./staff.courses.$courseId.edit";
import * as newPage from "./staff.courses.new";

type Context = Awaited<ReturnType<typeof contextFor>>;
type Refused = { init: { status: number }; data: FormResult };

async function flashOf(response: Response) {
  const cookie = response.headers.getSetCookie().map((header) => header.split(";")[0]).join("; ");
  return (await getFlash(new Request("http://localhost/staff/courses", { headers: { Cookie: cookie } }))).message;
}

function post<A>(action: (args: ReturnType<typeof argsFor>) => A, path: string, context: Context, courseId: string, form: Record<string, string>) {
  return outcomeOf(() => action(argsFor(path, context, { method: "POST", params: { courseId }, form })));
}

async function councillors(count: number) {
  const council = await createCouncil();
  return Promise.all(Array.from({ length: count }, () => createUser({ councilId: council.id })));
}

const SUMMER_COURSE = {
  title: "Prevent in practice",
  language: "en",
  topic: "counter-extremism",
  description: "A day on the Prevent duty.",
  moduleId: "",
  format: "in-person",
  venue: "Local Government House",
  address: "18 Smith Square, London SW1P 3HZ",
  joiningLink: "",
  startsAt: "2027-06-10T09:30",
  endsAt: "2027-06-10T16:30",
  bookingOpensAt: "2027-04-01T09:00",
  bookingClosesAt: "2027-06-08T17:00",
  cancellationCutoffAt: "2027-06-03T17:00",
  capacity: "20",
  audience: "councillors",
  nation: "",
  electedWithinMonths: "",
  contactName: "Events team",
  contactEmail: "events@example.org",
  offerHours: "48",
};

test("scheduling a course saves a draft at the UK times typed, and the edit form shows them on the UK clock again", async () => {
  const staff = await contextFor("staff");
  const saved = (await post(newPage.action, "/staff/courses/new", staff, "", SUMMER_COURSE)) as Response;
  expect(saved.status).toBe(302);
  const courseId = saved.headers.get("Location")!.replace("/staff/courses/", "");
  expect(await flashOf(saved)).toBe("Saved as a draft: councillors cannot see it until you publish it.");
  const course = await db.course.findUniqueOrThrow({ where: { id: courseId } });
  // 09:30 in June is British Summer Time: 08:30 UTC.
  expect(course).toMatchObject({ status: "draft", startsAt: new Date("2027-06-10T08:30:00Z"), moduleId: null, nation: null, electedWithinMonths: null });

  const { values } = await editPage.loader(argsFor(`/staff/courses/${courseId}/edit`, staff, { params: { courseId } }));
  expect(values).toEqual(SUMMER_COURSE);

  const refused = (await post(newPage.action, "/staff/courses/new", staff, "", { ...SUMMER_COURSE, contactEmail: "" })) as Refused;
  expect(refused.init.status).toBe(400);
  expect(refused.data.fieldErrors).toEqual({ contactEmail: "Enter the contact’s email address" });
});

test("changing a course: fewer places than are held is refused on the field; a new time tells each delegate", async () => {
  const staff = await contextFor("staff");
  // Times on the minute, as the form writes them, so that sending the form back unchanged changes nothing.
  const course = await createCourse({ capacity: 2, bookingOpensAt: new Date(Math.floor(Date.now() / 60_000) * 60_000 - 86_400_000) });
  for (const person of await councillors(2)) await bookPlace({ courseId: course.id, userId: person.id }, {});
  const path = `/staff/courses/${course.id}/edit`;
  const { values } = await editPage.loader(argsFor(path, staff, { params: { courseId: course.id } }));

  const refused = (await post(editPage.action, path, staff, course.id, { ...values, capacity: "1" })) as Refused;
  expect(refused.init.status).toBe(400);
  expect(refused.data.fieldErrors).toEqual({ capacity: "2 places are held (confirmed or offered): enter 2 or more, or remove people first" });

  const unchanged = (await post(editPage.action, path, staff, course.id, values)) as Response;
  expect(await flashOf(unchanged)).toBe("Nothing was changed.");

  const moved = (await post(editPage.action, path, staff, course.id, { ...values, startsAt: values.startsAt.replace(/T\d\d/, "T09") })) as Response;
  expect(moved.headers.get("Location")).toBe(`/staff/courses/${course.id}`);
  expect(await flashOf(moved)).toBe(
    "Changes saved. We have emailed 2 people with a place or an offer; delegates were sent an updated calendar invitation.",
  );
});

test("the course page shows the domain's refusals on the form that was sent: a missing reason, a full course, no such person", async () => {
  const staff = await contextFor("staff");
  const course = await createCourse({ capacity: 1 });
  const [ann, bob] = await councillors(2);
  await bookPlace({ courseId: course.id, userId: ann.id }, {});
  const path = `/staff/courses/${course.id}`;

  const noReason = (await post(coursePage.action, path, staff, course.id, { intent: "add", email: bob.email, reason: " " })) as Refused;
  expect(noReason.data).toMatchObject({ fieldErrors: { reason: "Enter the reason, for the record" }, values: { intent: "add", email: bob.email } });
  const full = (await post(coursePage.action, path, staff, course.id, { intent: "add", email: bob.email, reason: "Chair" })) as Refused;
  expect(full.data.formError).toBe("The course is full, so nobody can be added. Raise the number of places, or remove someone first.");
  const nobody = (await post(coursePage.action, path, staff, course.id, { intent: "add", email: "nobody@example.org", reason: "Chair" })) as Refused;
  expect(nobody.data.fieldErrors).toEqual({ email: "There is no active councillor or council officer account with this email address" });
  const unticked = (await post(coursePage.action, path, staff, course.id, { intent: "cancel" })) as Refused;
  expect(unticked.data.fieldErrors).toEqual({ confirm: "Tick the box to confirm you want to cancel the course" });
  expect((await db.course.findUniqueOrThrow({ where: { id: course.id } })).status).toBe("published");
  expect(await db.booking.count({ where: { userId: bob.id } })).toBe(0);
});

test("the delegates' file downloads as UTF-8 CSV named after the course, never cached, and each download is audited", async () => {
  const staff = await contextFor("staff");
  const course = await createCourse({ title: "Arwain yn y Gymuned" });
  const [ann] = await councillors(1);
  await bookPlace({ courseId: course.id, userId: ann.id, accessNeeds: "Dolen sain" }, {});

  const response = (await csv.loader(argsFor(`/staff/courses/${course.id}/delegates.csv`, staff, { params: { courseId: course.id } }))) as Response;
  expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="arwain-yn-y-gymuned-delegates.csv"');
  expect(response.headers.get("Cache-Control")).toContain("no-store");
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(new TextDecoder().decode(bytes)).toContain(`${ann.name},${ann.email},`);
  expect(await db.auditEvent.count({ where: { type: "delegates-exported", actorId: staff.user!.id } })).toBe(1);

  const missing = await outcomeOf(() => csv.loader(argsFor("/staff/courses/nope/delegates.csv", staff, { params: { courseId: "nope" } })));
  expect((missing as Response).status).toBe(404);
});
