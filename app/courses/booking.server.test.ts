// Booking, the waiting list and offers, on the real database (SQLite here, PostgreSQL with `npm run test:pg`).
import { expect, test } from "vitest";
import { createCouncil, createCourse, createUser } from "../../tests/factories";
import { db } from "~/utils/db.server";
import { acceptOffer, bookingCalendarFile, bookPlace, cancelBooking, declineOffer, expireOffers, remindEndingOffers } from "./booking.server";
import { updateCourse } from "./courses.server";

const origin = { ip: "192.0.2.18", userAgent: "Vitest" };
const HOUR = 3_600_000;

async function councillors(count: number, options: Parameters<typeof createUser>[0] = {}) {
  const council = options.councilId ? { id: options.councilId } : await createCouncil();
  return Promise.all(Array.from({ length: count }, () => createUser({ councilId: council.id, ...options })));
}

async function statusOf(courseId: string, userId: string) {
  return (await db.booking.findUnique({ where: { courseId_userId: { courseId, userId } } }))?.status;
}

function mailTo(to: string) {
  return db.emailMessage.findMany({ where: { to }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

async function book(courseId: string, userId: string, now?: Date) {
  return bookPlace({ courseId, userId }, origin, now);
}

/** A one-place course: the first of `count` councillors has the place, the others wait in the order they asked. */
async function onePlaceTaken(count: number, now: Date, overrides: Parameters<typeof createCourse>[0] = {}) {
  const course = await createCourse({ capacity: 1, ...overrides }, now);
  const people = await councillors(count);
  const outcomes = [];
  for (const person of people) outcomes.push(await book(course.id, person.id, now));
  if (outcomes[0].status !== "confirmed") throw new Error("not booked");
  return { course, people, first: { bookingId: outcomes[0].bookingId, userId: people[0].id } };
}

test("a councillor books a place: confirmed, told by email with a calendar invite, and cannot book twice", async () => {
  const course = await createCourse({ capacity: 2 });
  const [ann] = await councillors(1);
  const booked = await book(course.id, ann.id);
  expect(booked.status).toBe("confirmed");
  expect(await book(course.id, ann.id)).toMatchObject({ status: "already", bookingStatus: "confirmed" });
  expect(await db.booking.count({ where: { courseId: course.id } })).toBe(1);
  const [mail] = await mailTo(ann.email);
  expect(mail.subject).toBe(`Your place on ${course.title} is confirmed`);
  expect(mail.text).toContain("Where: Local Government House, 18 Smith Square, London SW1P 3HZ");
  const [invite] = JSON.parse(mail.attachments!);
  expect(invite.contentType).toContain("method=REQUEST");
  expect(invite.content).toContain("SEQUENCE:0");
  expect(await db.auditEvent.count({ where: { type: "place-booked", userId: ann.id } })).toBe(1);
});

test("a full course puts people on the waiting list in order, and tells each their position", async () => {
  const course = await createCourse({ capacity: 1 });
  const [ann, bob, cat] = await councillors(3);
  expect((await book(course.id, ann.id)).status).toBe("confirmed");
  expect(await book(course.id, bob.id)).toMatchObject({ status: "waiting", position: 1 });
  expect(await book(course.id, cat.id)).toMatchObject({ status: "waiting", position: 2 });
  const [mail] = await mailTo(cat.email);
  expect(mail.subject).toBe(`You are on the waiting list for ${course.title}`);
  expect(mail.text).toContain("you are number 2 on the waiting list");
  expect(mail.attachments).toBeNull();
});

test("a place freed before the cut-off is offered to the first person waiting, held from newcomers, and accepting confirms it", async () => {
  const now = new Date();
  const course = await createCourse({ capacity: 1 }, now);
  const [ann, bob, cat, dan] = await councillors(4);
  const annBooking = await book(course.id, ann.id, now);
  await book(course.id, bob.id, now);
  await book(course.id, cat.id, now);
  if (annBooking.status !== "confirmed") throw new Error("not booked");

  expect(await cancelBooking({ bookingId: annBooking.bookingId, userId: ann.id }, origin, now)).toEqual({ status: "cancelled" });
  const annMail = (await mailTo(ann.email)).at(-1)!;
  expect(JSON.parse(annMail.attachments!)[0].content).toMatch(/METHOD:CANCEL[\s\S]*SEQUENCE:1/);
  expect(await statusOf(course.id, bob.id)).toBe("offered");
  const offer = await db.booking.findUniqueOrThrow({ where: { courseId_userId: { courseId: course.id, userId: bob.id } } });
  expect(offer.offerExpiresAt!.getTime() - now.getTime()).toBe(48 * HOUR);
  const offerMail = (await mailTo(bob.email)).at(-1)!;
  expect(offerMail.text).toContain(`/bookings/${offer.id}/accept`);
  expect(offerMail.text).toContain(`/bookings/${offer.id}/decline`);

  // The held place is not for a newcomer: they wait behind Cat.
  expect(await book(course.id, dan.id, now)).toMatchObject({ status: "waiting", position: 2 });
  // Only the person offered can accept.
  expect(await acceptOffer({ bookingId: offer.id, userId: cat.id }, origin, now)).toEqual({ status: "not-found" });
  expect(await acceptOffer({ bookingId: offer.id, userId: bob.id }, origin, new Date(now.getTime() + HOUR))).toEqual({ status: "confirmed" });
  expect(await statusOf(course.id, bob.id)).toBe("confirmed");
  expect(JSON.parse((await mailTo(bob.email)).at(-1)!.attachments!)[0].content).toContain("METHOD:REQUEST");
});

test("an offer's expiry is a time: accepting after it is refused before the job runs; the job passes the place on once", async () => {
  const now = new Date();
  const { course, first, people: [, bob, cat] } = await onePlaceTaken(3, now, { offerHours: 24 });
  await cancelBooking(first, origin, now);
  const offer = await db.booking.findUniqueOrThrow({ where: { courseId_userId: { courseId: course.id, userId: bob.id } } });
  const later = new Date(now.getTime() + 24 * HOUR);

  expect(await acceptOffer({ bookingId: offer.id, userId: bob.id }, origin, later)).toEqual({ status: "expired" });
  expect(await statusOf(course.id, bob.id)).toBe("offered");
  // Ten runs of the job at the same moment, as ten processes would: one expiry, one new offer, one email each.
  // (Other tests' offers in this database may expire too: count this course's outcomes, not the runs'.)
  await Promise.all(Array.from({ length: 10 }, () => expireOffers(later)));
  expect(await statusOf(course.id, bob.id)).toBe("expired");
  expect(await statusOf(course.id, cat.id)).toBe("offered");
  expect((await mailTo(bob.email)).filter((mail) => mail.subject.includes("has ended"))).toHaveLength(1);
  expect((await mailTo(cat.email)).filter((mail) => mail.subject.includes("A place is free"))).toHaveLength(1);
  // Bob left the list; he may join again, at the back.
  expect(await book(course.id, bob.id, later)).toMatchObject({ status: "waiting", position: 1 });
});

test("an accept racing the expiry job at the moment of expiry has exactly one outcome", async () => {
  for (let round = 0; round < 5; round++) {
    const now = new Date();
    const { course, first, people: [, bob] } = await onePlaceTaken(2, now);
    await cancelBooking(first, origin, now);
    const offer = await db.booking.findUniqueOrThrow({ where: { courseId_userId: { courseId: course.id, userId: bob.id } } });
    const expiry = offer.offerExpiresAt!;
    const [accepted] = await Promise.all([
      acceptOffer({ bookingId: offer.id, userId: bob.id }, origin, new Date(expiry.getTime() - 1)),
      expireOffers(expiry),
    ]);
    const final = await statusOf(course.id, bob.id);
    const endedMails = (await mailTo(bob.email)).filter((mail) => mail.subject.includes("has ended")).length;
    const confirmedMails = (await mailTo(bob.email)).filter((mail) => mail.subject.includes("is confirmed")).length;
    if (accepted.status === "confirmed") expect([final, endedMails, confirmedMails]).toEqual(["confirmed", 0, 1]);
    else expect([accepted.status, final, endedMails, confirmedMails]).toEqual(["expired", "expired", 1, 0]);
  }
});

test("declining passes the place on and leaves the list; the offer is never made to them again", async () => {
  const now = new Date();
  const { course, first, people: [ann, bob, cat] } = await onePlaceTaken(3, now);
  await cancelBooking(first, origin, now);
  const offer = await db.booking.findUniqueOrThrow({ where: { courseId_userId: { courseId: course.id, userId: bob.id } } });
  expect(await declineOffer({ bookingId: offer.id, userId: bob.id }, origin, now)).toEqual({ status: "declined" });
  expect(await declineOffer({ bookingId: offer.id, userId: bob.id }, origin, now)).toEqual({ status: "not-offered" });
  expect(await statusOf(course.id, bob.id)).toBe("declined");
  expect(await statusOf(course.id, cat.id)).toBe("offered");
  // Cat declines too: nobody is waiting, so the place is free for the next booking.
  const catOffer = await db.booking.findUniqueOrThrow({ where: { courseId_userId: { courseId: course.id, userId: cat.id } } });
  await declineOffer({ bookingId: catOffer.id, userId: cat.id }, origin, now);
  expect(await db.booking.count({ where: { courseId: course.id, status: { in: ["confirmed", "offered"] } } })).toBe(0);
  expect((await book(course.id, ann.id, now)).status).toBe("confirmed");
});

test("cancelling after the cut-off keeps the place until staff decide; leaving the waiting list is always possible", async () => {
  const now = new Date();
  const course = await createCourse({ capacity: 1 }, now);
  const [ann, bob] = await councillors(2);
  const first = await book(course.id, ann.id, now);
  const second = await book(course.id, bob.id, now);
  if (first.status !== "confirmed" || second.status !== "waiting") throw new Error("not booked");
  const afterCutoff = new Date(course.cancellationCutoffAt.getTime() + HOUR);
  expect(await cancelBooking({ bookingId: first.bookingId, userId: ann.id }, origin, afterCutoff)).toEqual({ status: "requested" });
  expect(await statusOf(course.id, ann.id)).toBe("confirmed");
  expect(await statusOf(course.id, bob.id)).toBe("waiting");
  expect(await cancelBooking({ bookingId: second.bookingId, userId: bob.id }, origin, afterCutoff)).toEqual({ status: "left-waiting-list" });
  expect(await statusOf(course.id, bob.id)).toBe("cancelled");
});

test("nobody books before opening, after closing, a cancelled, past or draft course, or a course they are not eligible for", async () => {
  const now = new Date();
  const wales = await createCouncil({ nation: "wales" });
  const [ann] = await councillors(1);
  const [gwen] = await councillors(1, { councilId: wales.id, membership: { memberSince: new Date(now.getTime() - 400 * 24 * HOUR) } });
  const officer = await createUser({ role: "officer" });
  const notYet = await createCourse({ bookingOpensAt: new Date(now.getTime() + HOUR) }, now);
  expect(await book(notYet.id, ann.id, now)).toEqual({ status: "not-open" });
  const open = await createCourse({}, now);
  expect(await book(open.id, ann.id, open.bookingClosesAt)).toEqual({ status: "closed" });
  expect(await book(open.id, ann.id, open.startsAt)).toEqual({ status: "past" });
  expect(await book((await createCourse({ status: "cancelled" }, now)).id, ann.id, now)).toEqual({ status: "cancelled" });
  expect(await book((await createCourse({ status: "draft" }, now)).id, ann.id, now)).toEqual({ status: "not-found" });
  expect(await book(open.id, officer.id, now)).toEqual({ status: "not-eligible", reason: "audience" });
  const forWales = await createCourse({ nation: "wales" }, now);
  expect(await book(forWales.id, ann.id, now)).toEqual({ status: "not-eligible", reason: "nation" });
  expect((await book(forWales.id, gwen.id, now)).status).toBe("confirmed");
  const forNewMembers = await createCourse({ electedWithinMonths: 12 }, now);
  expect(await book(forNewMembers.id, gwen.id, now)).toEqual({ status: "not-eligible", reason: "recently-elected" });
  const forOfficers = await createCourse({ audience: "officers" }, now);
  expect((await book(forOfficers.id, officer.id, now)).status).toBe("confirmed");
  expect(await db.booking.count({ where: { userId: ann.id } })).toBe(0);
});

test("eligibility is checked again when a place is offered: someone no longer eligible is passed over and told", async () => {
  const now = new Date();
  const { course, first, people: [, bob, cat] } = await onePlaceTaken(3, now);
  await db.membership.updateMany({ where: { userId: bob.id }, data: { leftOfficeOn: now } });
  await cancelBooking(first, origin, now);
  expect(await statusOf(course.id, bob.id)).toBe("ineligible");
  expect(await statusOf(course.id, cat.id)).toBe("offered");
});

test("after booking closes, a freed place is not offered: it waits for staff", async () => {
  const now = new Date();
  const { course, first, people: [ann, bob] } = await onePlaceTaken(2, now);
  await db.course.update({ where: { id: course.id }, data: { cancellationCutoffAt: new Date(course.bookingClosesAt.getTime() + HOUR) } });
  await cancelBooking(first, origin, course.bookingClosesAt);
  expect(await statusOf(course.id, ann.id)).toBe("cancelled");
  expect(await statusOf(course.id, bob.id)).toBe("waiting");
});

test("an offer made near the date ends when booking closes, not 48 hours later", async () => {
  const now = new Date();
  const { course, first, people: [, bob] } = await onePlaceTaken(2, now);
  await db.course.update({ where: { id: course.id }, data: { cancellationCutoffAt: course.bookingClosesAt } });
  const late = new Date(course.bookingClosesAt.getTime() - 5 * HOUR);
  await cancelBooking(first, origin, late);
  const offer = await db.booking.findUniqueOrThrow({ where: { courseId_userId: { courseId: course.id, userId: bob.id } } });
  expect(offer.offerExpiresAt).toEqual(course.bookingClosesAt);
});

test("raising capacity offers the new places in order; lowering it below the places held is refused", async () => {
  const now = new Date();
  const staff = await createUser({ role: "staff" });
  const course = await createCourse({ capacity: 1 }, now);
  const [ann, bob, cat, dan] = await councillors(4);
  for (const person of [ann, bob, cat, dan]) await book(course.id, person.id, now);
  const { id: _id, status: _status, publishedAt: _p, cancelledAt: _c, lastTicket: _t, createdAt: _cr, updatedAt: _u, ...input } = course;
  expect(await updateCourse({ courseId: course.id, input: { ...input, capacity: 3 }, actorId: staff.id }, origin, now)).toMatchObject({ status: "saved" });
  expect([await statusOf(course.id, bob.id), await statusOf(course.id, cat.id), await statusOf(course.id, dan.id)]).toEqual(["offered", "offered", "waiting"]);
  expect(await updateCourse({ courseId: course.id, input: { ...input, capacity: 2 }, actorId: staff.id }, origin, now)).toEqual({
    status: "below-bookings",
    held: 3,
  });
});

test("an offer gets one 'ends soon' reminder in its last hours, however many runs", async () => {
  const now = new Date();
  const { first, people: [, bob] } = await onePlaceTaken(2, now);
  await cancelBooking(first, origin, now);
  await remindEndingOffers(new Date(now.getTime() + 24 * HOUR));
  expect((await mailTo(bob.email)).filter((mail) => mail.subject.includes("ends soon"))).toHaveLength(0);
  const late = new Date(now.getTime() + 40 * HOUR);
  await Promise.all(Array.from({ length: 5 }, () => remindEndingOffers(late)));
  expect((await mailTo(bob.email)).filter((mail) => mail.subject.includes("ends soon"))).toHaveLength(1);
});

test("200 councillors booking a 20-place course at once: 20 places, 180 waiting in arrival order, nobody refused", async () => {
  const now = new Date();
  const course = await createCourse({ capacity: 20 }, now);
  const people = await councillors(200);
  const outcomes = await Promise.all(people.map((person) => book(course.id, person.id, now)));
  expect(outcomes.filter((outcome) => outcome.status === "confirmed")).toHaveLength(20);
  const waiting = outcomes.flatMap((outcome) => (outcome.status === "waiting" ? [outcome.position] : []));
  expect(waiting).toHaveLength(180);
  // Each was told a different position, 1 to 180, and the list's order is the order those were given.
  expect([...waiting].sort((a, b) => a - b)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
  const bookings = await db.booking.findMany({ where: { courseId: course.id }, orderBy: { queueNumber: "asc" } });
  expect(bookings.slice(0, 20).every((booking) => booking.status === "confirmed")).toBe(true);
  const positionOf = new Map(outcomes.flatMap((outcome) => (outcome.status === "waiting" ? [[outcome.bookingId, outcome.position]] : [])));
  expect(bookings.slice(20).map((booking) => positionOf.get(booking.id))).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
  expect(await db.emailMessage.count({ where: { to: { in: people.map((person) => person.email) } } })).toBe(200);
}, 120_000);

test("five delegates cancelling at once make exactly five offers, to the first five waiting", async () => {
  const now = new Date();
  const course = await createCourse({ capacity: 5 }, now);
  const people = await councillors(12);
  const outcomes = [];
  for (const person of people) outcomes.push(await book(course.id, person.id, now));
  await Promise.all(
    outcomes.slice(0, 5).map((outcome, i) => (outcome.status === "confirmed" ? cancelBooking({ bookingId: outcome.bookingId, userId: people[i].id }, origin, now) : null)),
  );
  const statuses = await Promise.all(people.map((person) => statusOf(course.id, person.id)));
  expect(statuses).toEqual([...Array(5).fill("cancelled"), ...Array(5).fill("offered"), "waiting", "waiting"]);
});

test("cancellations, accepts, declines and the expiry job all at once keep every rule", async () => {
  const now = new Date();
  const course = await createCourse({ capacity: 4 }, now);
  const people = await councillors(12);
  const bookingIds: string[] = [];
  for (const person of people) {
    const outcome = await book(course.id, person.id, now);
    if (outcome.status !== "confirmed" && outcome.status !== "waiting") throw new Error("not booked");
    bookingIds.push(outcome.bookingId);
  }
  const bookingOf = (i: number) => ({ bookingId: bookingIds[i], userId: people[i].id });
  // Two delegates cancel: people 4 and 5 are offered their places.
  await Promise.all([0, 1].map((i) => cancelBooking(bookingOf(i), origin, now)));
  expect([await statusOf(course.id, people[4].id), await statusOf(course.id, people[5].id)]).toEqual(["offered", "offered"]);
  const later = new Date(now.getTime() + 49 * HOUR);
  await Promise.all([
    acceptOffer(bookingOf(4), origin, new Date(now.getTime() + HOUR)),
    declineOffer(bookingOf(5), origin, now),
    cancelBooking(bookingOf(2), origin, now),
    cancelBooking(bookingOf(3), origin, now),
    expireOffers(later),
    expireOffers(later),
  ]);
  const bookings = await db.booking.findMany({ where: { courseId: course.id }, orderBy: { queueNumber: "asc" } });
  const held = bookings.filter((booking) => booking.status === "confirmed" || booking.status === "offered");
  expect(held.length).toBeLessThanOrEqual(4);
  // People are still waiting, so no place is left free and unoffered.
  expect(bookings.some((booking) => booking.status === "waiting")).toBe(true);
  expect(held).toHaveLength(4);
  // Whatever the order things happened in, nobody waiting was passed over: everyone offered a place or
  // given one came before everyone still waiting.
  const lastHolder = Math.max(...held.map((booking) => booking.queueNumber));
  const firstWaiting = Math.min(...bookings.filter((booking) => booking.status === "waiting").map((booking) => booking.queueNumber));
  expect(lastHolder).toBeLessThan(firstWaiting);
  expect(await statusOf(course.id, people[5].id)).toBe("declined");
});

test("a claim the council has not confirmed opens no course: the councillor is told their council must confirm them first", async () => {
  const now = new Date();
  const wales = await createCouncil({ nation: "wales" });
  const claimant = await createUser({ councilId: wales.id, membership: { confirmed: false, memberSince: now } });
  const course = await createCourse({ nation: "wales" }, now);
  expect(await book(course.id, claimant.id, now)).toEqual({ status: "not-eligible", reason: "no-council" });
  await db.membership.updateMany({ where: { userId: claimant.id }, data: { confirmedAt: now } });
  expect((await book(course.id, claimant.id, now)).status).toBe("confirmed");
});

test("a decline after the offer's time is an expiry; moving booking's close earlier shortens the offers open", async () => {
  const now = new Date();
  const staff = await createUser({ role: "staff" });
  const { course, first, people } = await onePlaceTaken(3, now);
  const [, bob, cat] = people;
  await cancelBooking(first, origin, now);
  const offer = await db.booking.findUniqueOrThrow({ where: { courseId_userId: { courseId: course.id, userId: bob.id } } });
  expect(await declineOffer({ bookingId: offer.id, userId: bob.id }, origin, new Date(offer.offerExpiresAt!.getTime() + 1))).toEqual({ status: "expired" });
  await expireOffers(new Date(offer.offerExpiresAt!.getTime() + 1));
  expect(await statusOf(course.id, bob.id)).toBe("expired");
  expect(await statusOf(course.id, cat.id)).toBe("offered");

  const closesSooner = new Date(now.getTime() + 6 * HOUR);
  const { id: _id, status: _s, publishedAt: _p, cancelledAt: _c, lastTicket: _t, createdAt: _cr, updatedAt: _u, ...input } = course;
  await updateCourse({ courseId: course.id, input: { ...input, bookingClosesAt: closesSooner }, actorId: staff.id }, origin, now);
  const catOffer = await db.booking.findUniqueOrThrow({ where: { courseId_userId: { courseId: course.id, userId: cat.id } } });
  expect(catOffer.offerExpiresAt).toEqual(closesSooner);
});

test("any change to what the invite shows (the title too) sends delegates an update of the same event", async () => {
  const now = new Date();
  const staff = await createUser({ role: "staff" });
  const course = await createCourse({ capacity: 2 }, now);
  const [ann] = await councillors(1);
  await book(course.id, ann.id, now);
  const { id: _id, status: _s, publishedAt: _p, cancelledAt: _c, lastTicket: _t, createdAt: _cr, updatedAt: _u, ...input } = course;
  expect(await updateCourse({ courseId: course.id, input: { ...input, title: `${course.title} (new title)` }, actorId: staff.id }, origin, now)).toEqual({
    status: "saved",
    told: 1,
  });
  const files = (await mailTo(ann.email)).flatMap((mail) => (mail.attachments ? JSON.parse(mail.attachments) : [])) as { content: string }[];
  expect(files.map((file) => /SEQUENCE:(\d+)/.exec(file.content)?.[1])).toEqual(["0", "1"]);
  expect(files[1].content).toContain("(new title)");
  // A change staff make to something the invite does not show (the number of places) sends nothing.
  expect(await updateCourse({ courseId: course.id, input: { ...input, title: `${course.title} (new title)`, capacity: 3 }, actorId: staff.id }, origin, now)).toEqual({
    status: "saved",
    told: 0,
  });
});

test("the calendar file on the course page is the emailed invite again: same UID and SEQUENCE, in the person's language", async () => {
  const now = new Date();
  const wales = await createCouncil({ nation: "wales" });
  const gwen = await createUser({ councilId: wales.id });
  const course = await createCourse({ format: "online", venue: null, address: null, joiningLink: "https://meet.example.org/cwrs" }, now);
  await book(course.id, gwen.id, now);
  const [mail] = await mailTo(gwen.email);
  const [emailed] = JSON.parse(mail.attachments!) as { content: string }[];
  const file = await bookingCalendarFile({ courseId: course.id, userId: gwen.id });
  // A member of a Welsh council who has not chosen a language gets Welsh first, in the email and the file.
  expect(emailed.content).toContain("Dolen ymuno:");
  const lines = (text: string) => text.split("\r\n").filter((line) => !line.startsWith("DTSTAMP"));
  expect(lines(file!.content)).toEqual(lines(emailed.content));
});
