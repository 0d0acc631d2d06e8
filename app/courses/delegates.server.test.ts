// What staff do with a course's people, on the real database (SQLite here, PostgreSQL with `npm run test:pg`).
import { parse } from "csv-parse/sync";
import { expect, test } from "vitest";
import { createCouncil, createCourse, createUser } from "../../tests/factories";
import { db } from "~/utils/db.server";
import { bookPlace, cancelBooking, type BookingRequest } from "./booking.server";
import { addDelegate, decideCancellation, delegatesCsv, fileSlug, givePlace, markAttendance, moveToFront, removeBooking } from "./delegates.server";

const origin = { ip: "192.0.2.18", userAgent: "Vitest" };
const HOUR = 3_600_000;

async function councillors(count: number) {
  const council = await createCouncil();
  return Promise.all(Array.from({ length: count }, () => createUser({ councilId: council.id })));
}

async function book(courseId: string, userId: string, now?: Date, needs: Pick<BookingRequest, "accessNeeds" | "dietaryNeeds"> = {}) {
  const outcome = await bookPlace({ courseId, userId, ...needs }, origin, now);
  if (outcome.status !== "confirmed" && outcome.status !== "waiting") throw new Error(`not booked: ${outcome.status}`);
  return outcome.bookingId;
}

async function bookingOf(courseId: string, userId: string) {
  return db.booking.findUniqueOrThrow({ where: { courseId_userId: { courseId, userId } } });
}

function mailTo(to: string) {
  return db.emailMessage.findMany({ where: { to }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

test("staff add a delegate by email when a place is free; refused when the course is full, for no such account, and twice", async () => {
  const now = new Date();
  const course = await createCourse({ capacity: 2 }, now);
  const staff = await createUser({ role: "staff" });
  const [ann, bob, cat] = await councillors(3);
  await book(course.id, ann.id, now);
  const act = { courseId: course.id, actorId: staff.id, reason: "Chairs the scrutiny committee" };

  const added = await addDelegate({ ...act, email: bob.email.toUpperCase() }, origin, now);
  expect(added.status).toBe("added");
  expect((await bookingOf(course.id, bob.id)).status).toBe("confirmed");
  const [invite] = JSON.parse((await mailTo(bob.email)).at(-1)!.attachments!);
  expect(invite.content).toContain("METHOD:REQUEST");
  const audit = await db.auditEvent.findFirstOrThrow({ where: { type: "place-booked", userId: bob.id } });
  expect(audit).toMatchObject({ actorId: staff.id, ip: origin.ip });
  expect(audit.detail).toContain("added by staff: Chairs the scrutiny committee");

  expect(await addDelegate({ ...act, email: bob.email }, origin, now)).toEqual({ status: "already" });
  expect(await addDelegate({ ...act, email: cat.email }, origin, now)).toEqual({ status: "full" });
  expect(await addDelegate({ ...act, email: "nobody@example.org" }, origin, now)).toEqual({ status: "no-such-person" });
  expect(await addDelegate({ ...act, email: staff.email }, origin, now)).toEqual({ status: "no-such-person" });
  expect(await db.booking.count({ where: { courseId: course.id, status: "confirmed" } })).toBe(2);
  expect(await db.booking.count({ where: { userId: cat.id } })).toBe(0);
});

test("removing a delegate tells them with a calendar cancellation, and the freed place is offered to the first person waiting", async () => {
  const now = new Date();
  const course = await createCourse({ capacity: 1 }, now);
  const other = await createCourse({}, now);
  const staff = await createUser({ role: "staff" });
  const [ann, bob, cat] = await councillors(3);
  const annBooking = await book(course.id, ann.id, now);
  await book(course.id, bob.id, now);
  await book(course.id, cat.id, now);
  const act = { actorId: staff.id, reason: "Left the council" };

  // The booking is named from its own course's page only.
  expect(await removeBooking({ ...act, courseId: other.id, bookingId: annBooking }, origin, now)).toEqual({ status: "not-found" });
  expect((await bookingOf(course.id, ann.id)).status).toBe("confirmed");

  expect(await removeBooking({ ...act, courseId: course.id, bookingId: annBooking }, origin, now)).toEqual({ status: "removed" });
  expect((await bookingOf(course.id, ann.id)).status).toBe("removed");
  expect(JSON.parse((await mailTo(ann.email)).at(-1)!.attachments!)[0].content).toContain("METHOD:CANCEL");
  expect((await bookingOf(course.id, bob.id)).status).toBe("offered");
  expect((await bookingOf(course.id, cat.id)).status).toBe("waiting");
  const audit = await db.auditEvent.findFirstOrThrow({ where: { type: "booking-ended", userId: ann.id } });
  expect(audit.actorId).toBe(staff.id);
  expect(audit.detail).toContain("removed by staff (confirmed): Left the council");

  expect(await removeBooking({ ...act, courseId: course.id, bookingId: annBooking }, origin, now)).toEqual({ status: "not-active" });
});

test("moving someone to the front of the waiting list is audited with the reason, and they are offered the next freed place", async () => {
  const now = new Date();
  const course = await createCourse({ capacity: 1 }, now);
  const staff = await createUser({ role: "staff" });
  const [ann, bob, cat] = await councillors(3);
  const annBooking = await book(course.id, ann.id, now);
  await book(course.id, bob.id, now);
  const catBooking = await book(course.id, cat.id, now);
  const act = { courseId: course.id, actorId: staff.id };

  expect(await moveToFront({ ...act, bookingId: annBooking, reason: "Mistake" }, origin, now)).toEqual({ status: "not-waiting" });
  expect(await moveToFront({ ...act, bookingId: catBooking, reason: "New cabinet member for community safety" }, origin, now)).toEqual({ status: "moved" });
  const audit = await db.auditEvent.findFirstOrThrow({ where: { type: "waiting-list-moved", userId: cat.id } });
  expect(audit.actorId).toBe(staff.id);
  expect(audit.detail).toContain("to the front: New cabinet member for community safety");
  // Nothing is free yet: moving offers nothing.
  expect((await bookingOf(course.id, cat.id)).status).toBe("waiting");

  expect(await cancelBooking({ bookingId: annBooking, userId: ann.id }, origin, now)).toEqual({ status: "cancelled" });
  expect((await bookingOf(course.id, cat.id)).status).toBe("offered");
  expect((await bookingOf(course.id, bob.id)).status).toBe("waiting");
});

test("after booking closes a freed place is not offered: staff give it to someone waiting, never over capacity", async () => {
  const now = new Date();
  const course = await createCourse({ capacity: 1 }, now);
  const staff = await createUser({ role: "staff" });
  const [ann, bob, cat] = await councillors(3);
  const annBooking = await book(course.id, ann.id, now);
  const bobBooking = await book(course.id, bob.id, now);
  const catBooking = await book(course.id, cat.id, now);
  const closed = new Date(course.bookingClosesAt.getTime() + HOUR);
  const act = { courseId: course.id, actorId: staff.id, reason: "Freed the day before" };

  expect(await givePlace({ ...act, bookingId: bobBooking }, origin, closed)).toEqual({ status: "full" });
  await removeBooking({ ...act, bookingId: annBooking }, origin, closed);
  expect((await bookingOf(course.id, bob.id)).status).toBe("waiting");

  expect(await givePlace({ ...act, bookingId: catBooking }, origin, closed)).toEqual({ status: "given" });
  expect((await bookingOf(course.id, cat.id)).status).toBe("confirmed");
  expect(JSON.parse((await mailTo(cat.email)).at(-1)!.attachments!)[0].content).toContain("METHOD:REQUEST");
  expect((await db.auditEvent.findFirstOrThrow({ where: { type: "place-booked", userId: cat.id, actorId: staff.id } })).detail).toContain(
    "given a place by staff: Freed the day before",
  );
  expect(await givePlace({ ...act, bookingId: bobBooking }, origin, closed)).toEqual({ status: "full" });
  expect(await givePlace({ ...act, bookingId: catBooking }, origin, closed)).toEqual({ status: "not-waiting" });
  expect(await db.booking.count({ where: { courseId: course.id, status: { in: ["confirmed", "offered"] } } })).toBe(1);
});

test("a cancellation asked for after the cut-off: staff release the place (offered on) or keep it, and the delegate is told", async () => {
  const now = new Date();
  const course = await createCourse({ capacity: 2 }, now);
  const staff = await createUser({ role: "staff" });
  const [ann, bob, cat] = await councillors(3);
  const annBooking = await book(course.id, ann.id, now);
  const bobBooking = await book(course.id, bob.id, now);
  await book(course.id, cat.id, now);
  const late = new Date(course.cancellationCutoffAt.getTime() + HOUR);
  const act = { courseId: course.id, actorId: staff.id };

  expect(await decideCancellation({ ...act, bookingId: annBooking, release: true }, origin, late)).toEqual({ status: "no-request" });
  expect(await cancelBooking({ bookingId: annBooking, userId: ann.id }, origin, late)).toEqual({ status: "requested" });
  expect(await cancelBooking({ bookingId: bobBooking, userId: bob.id }, origin, late)).toEqual({ status: "requested" });

  expect(await decideCancellation({ ...act, bookingId: annBooking, release: true }, origin, late)).toEqual({ status: "released" });
  expect((await bookingOf(course.id, ann.id)).status).toBe("cancelled");
  expect(JSON.parse((await mailTo(ann.email)).at(-1)!.attachments!)[0].content).toContain("METHOD:CANCEL");
  expect((await bookingOf(course.id, cat.id)).status).toBe("offered");

  expect(await decideCancellation({ ...act, bookingId: bobBooking, release: false }, origin, late)).toEqual({ status: "kept" });
  expect(await bookingOf(course.id, bob.id)).toMatchObject({ status: "confirmed", cancelRequestedAt: null });
  expect((await mailTo(bob.email)).at(-1)!.attachments).toBeNull();
  expect(await decideCancellation({ ...act, bookingId: bobBooking, release: true }, origin, late)).toEqual({ status: "no-request" });
  const decisions = await db.auditEvent.findMany({ where: { type: "cancellation-decided", actorId: staff.id } });
  const decided = Object.fromEntries(decisions.map((event) => [event.userId, event.detail?.split(": ").at(-1)]));
  expect(decided).toEqual({ [ann.id]: "place released", [bob.id]: "place kept" });
});

test("the register marks delegates only, only once the course has started, and audits each change", async () => {
  const now = new Date();
  const course = await createCourse({ capacity: 1 }, now);
  const staff = await createUser({ role: "staff" });
  const [ann, bob] = await councillors(2);
  const annBooking = await book(course.id, ann.id, now);
  const bobBooking = await book(course.id, bob.id, now);
  const started = new Date(course.startsAt.getTime() + HOUR);
  const mark = (marks: { bookingId: string; attendance: "attended" | "absent" }[], at: Date) =>
    markAttendance({ courseId: course.id, marks, actorId: staff.id }, origin, at);

  expect(await mark([{ bookingId: annBooking, attendance: "attended" }], now)).toEqual({ status: "not-started" });
  expect((await bookingOf(course.id, ann.id)).attendance).toBeNull();

  const both = [
    { bookingId: annBooking, attendance: "attended" as const },
    { bookingId: bobBooking, attendance: "absent" as const },
  ];
  expect(await mark(both, started)).toEqual({ status: "saved", changed: 1 });
  expect((await bookingOf(course.id, ann.id)).attendance).toBe("attended");
  expect((await bookingOf(course.id, bob.id)).attendance).toBeNull();
  expect(await mark(both, started)).toEqual({ status: "saved", changed: 0 });
  expect(await mark([{ bookingId: annBooking, attendance: "absent" }], started)).toEqual({ status: "saved", changed: 1 });
  expect((await bookingOf(course.id, ann.id)).attendance).toBe("absent");
  expect(await db.auditEvent.count({ where: { type: "attendance-marked", userId: ann.id, actorId: staff.id } })).toBe(2);
  expect(await db.auditEvent.count({ where: { type: "attendance-marked", userId: bob.id } })).toBe(0);

  await db.course.update({ where: { id: course.id }, data: { status: "cancelled" } });
  expect(await mark([{ bookingId: annBooking, attendance: "attended" }], started)).toEqual({ status: "not-started" });
});

test("the delegates' CSV: everyone on the course with their needs, formulas neutralised, a BOM, Welsh intact; each export audited", async () => {
  const now = new Date();
  const course = await createCourse({ capacity: 2, title: "Cyflwyniad i’r Cyngor: Ŵyl Ddewi" }, now);
  const staff = await createUser({ role: "staff" });
  const anglesey = await createCouncil({ name: "Cyngor Sir Ynys Môn" });
  const sian = await createUser({ councilId: anglesey.id, name: "Siân Ŵyn-Jones" });
  const formula = await createUser({ councilId: anglesey.id, name: '=HYPERLINK("http://example.com","Click")' });
  const waiting = await createUser({ councilId: anglesey.id, name: "Rhys ap Gwilym" });
  await book(course.id, sian.id, now, { accessNeeds: "Dolen sain – hearing loop", dietaryNeeds: "Llysieuol" });
  await book(course.id, formula.id, now, { accessNeeds: "+44 1234 567890", dietaryNeeds: "@vegan" });
  await book(course.id, waiting.id, now, { dietaryNeeds: "-none" });

  const exported = await delegatesCsv({ courseId: course.id, actorId: staff.id, language: "en" }, origin);
  expect(exported?.filename).toBe("cyflwyniad-ir-cyngor-wyl-ddewi-delegates.csv");
  expect(exported!.csv.startsWith("\uFEFF")).toBe(true);
  const rows: Record<string, string>[] = parse(exported!.csv, { bom: true, columns: true });
  expect(rows).toEqual([
    {
      Name: "Siân Ŵyn-Jones",
      Email: sian.email,
      Council: "Cyngor Sir Ynys Môn",
      Status: "Place confirmed",
      "Access needs": "Dolen sain – hearing loop",
      "Dietary requirements": "Llysieuol",
      Attendance: "",
    },
    {
      Name: `'=HYPERLINK("http://example.com","Click")`,
      Email: formula.email,
      Council: "Cyngor Sir Ynys Môn",
      Status: "Place confirmed",
      "Access needs": "'+44 1234 567890",
      "Dietary requirements": "'@vegan",
      Attendance: "",
    },
    {
      Name: "Rhys ap Gwilym",
      Email: waiting.email,
      Council: "Cyngor Sir Ynys Môn",
      Status: "On the waiting list",
      "Access needs": "",
      "Dietary requirements": "'-none",
      Attendance: "",
    },
  ]);
  const audit = await db.auditEvent.findFirstOrThrow({ where: { type: "delegates-exported", actorId: staff.id } });
  expect(audit.detail).toContain("Cyflwyniad i’r Cyngor: Ŵyl Ddewi");
  expect(audit.detail).toContain("3 people");
  expect(audit.ip).toBe(origin.ip);

  // In Welsh, the headings are Welsh.
  const welsh = await delegatesCsv({ courseId: course.id, actorId: staff.id, language: "cy" }, origin);
  expect(welsh!.csv.split("\n")[0]).toBe("\uFEFFEnw,E-bost,Cyngor,Statws,Anghenion mynediad,Gofynion deietegol,Presenoldeb");
  expect(await db.auditEvent.count({ where: { type: "delegates-exported", actorId: staff.id } })).toBe(2);

  expect(await delegatesCsv({ courseId: "no-such-course", actorId: staff.id, language: "en" }, origin)).toBeNull();
});

test("a file name from any title: accents dropped, punctuation to hyphens, never empty", () => {
  expect(fileSlug("Cyflwyniad i'r Cyngor")).toBe("cyflwyniad-ir-cyngor");
  expect(fileSlug("  Prevent: a day's practice (2027)  ")).toBe("prevent-a-days-practice-2027");
  expect(fileSlug("«»")).toBe("course");
  expect(fileSlug("a".repeat(100))).toHaveLength(60);
});

test("staff add delegates to published courses only; someone holding an offer is confirmed on it; a person removed cannot rebook alone", async () => {
  const now = new Date();
  const staff = await createUser({ role: "staff" });
  const [ann, bob, cat] = await councillors(3);
  const draft = await createCourse({ status: "draft" }, now);
  expect(await addDelegate({ courseId: draft.id, email: ann.email, actorId: staff.id, reason: "Speaker" }, origin, now)).toEqual({ status: "draft" });
  expect(await db.booking.count({ where: { courseId: draft.id } })).toBe(0);

  const course = await createCourse({ capacity: 1 }, now);
  const first = await book(course.id, ann.id, now);
  await book(course.id, bob.id, now);
  await book(course.id, cat.id, now);
  await cancelBooking({ bookingId: first, userId: ann.id }, origin, now);
  expect((await bookingOf(course.id, bob.id)).status).toBe("offered");
  // The course is full with Bob's offer, but the place held is his: staff can confirm him on it.
  expect((await addDelegate({ courseId: course.id, email: bob.email, actorId: staff.id, reason: "Phoned to accept" }, origin, now)).status).toBe("added");
  expect((await bookingOf(course.id, bob.id)).status).toBe("confirmed");

  const bobBooking = await bookingOf(course.id, bob.id);
  await removeBooking({ courseId: course.id, bookingId: bobBooking.id, actorId: staff.id, reason: "Booked by mistake" }, origin, now);
  expect(await bookPlace({ courseId: course.id, userId: bob.id }, origin, now)).toEqual({ status: "removed" });
  // Staff can still put them back.
  expect((await bookPlace({ courseId: course.id, userId: bob.id, actorId: staff.id }, origin, now)).status).toBe("waiting");
});
