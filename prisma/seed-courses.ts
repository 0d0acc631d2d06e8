// The demo's programme of scheduled courses, dated around the day the demo is seeded: past events with
// their registers, upcoming ones (a residential that is full with a waiting list, online sessions, one for
// Welsh councils, one for council officers, one not yet open), a cancelled one and a draft. Written through
// the functions staff and councillors use, so the bookings obey the same rules.
import { bookPlace } from "~/courses/booking.server";
import { cancelCourse, createCourse, publishCourse, type CourseInput } from "~/courses/courses.server";
import { markAttendance } from "~/courses/delegates.server";
import { giveFeedback } from "~/courses/feedback.server";
import type { Usefulness } from "~/courses/rules";
import { db } from "~/utils/db.server";
import { ukTimeToUtc } from "~/utils/uk-time";

const DAY = 86_400_000;

/** A UK wall-clock time `days` from `now`'s date. */
function ukAt(now: Date, days: number, time: string) {
  const date = new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);
  return ukTimeToUtc(date, time)!;
}

type Plan = Omit<CourseInput, "startsAt" | "endsAt" | "bookingOpensAt" | "bookingClosesAt" | "cancellationCutoffAt" | "offerHours" | "contactName" | "contactEmail"> & {
  startDay: number;
  times: [string, string];
  /** How many days the course spans after its first (a residential weekend: 2) */
  nights?: number;
  /** Days before the start that booking opened */
  opensBefore?: number;
  bookings: number;
  /** The demo councillor books last (and so waits) */
  demoWaits?: boolean;
  status?: "draft" | "published" | "cancelled";
};

const CONTACT = { contactName: "Leadership Essentials events team", contactEmail: "events@association.example" };
const IN_PERSON = { format: "in-person", joiningLink: null };
const ONLINE = { format: "online", venue: null, address: null, joiningLink: "https://meet.association.example/leadership-essentials" };
const ANYONE = { audience: "councillors", electedWithinMonths: null, nation: null, moduleId: null, language: "en" };

type Feedback = { usefulness: Usefulness; willDo: string | null; comments: string | null };

/** What delegates said after the two past events (the programme's first two), given in turn by those who attended. */
const FEEDBACK: Feedback[][] = [
  [
    { usefulness: 5, willDo: "Ask our Prevent lead to brief the group before the next full council.", comments: "The panel of councillors was the best part. Real examples, honestly told." },
    { usefulness: 4, willDo: "Find out how referrals are handled in my own council.", comments: "Useful, though the morning ran over and we lost some of the questions." },
    { usefulness: 5, willDo: null, comments: "Clear and practical. I understand referrals much better now." },
    { usefulness: 2, willDo: null, comments: "Too much of it repeated the online module." },
    { usefulness: 4, willDo: "Speak to residents earlier when tensions start, not after.", comments: null },
    { usefulness: 3, willDo: "Read the council's local Prevent risk assessment.", comments: "More time in small groups, please." },
  ],
  [
    { usefulness: 5, willDo: "Use the three questions we practised at my next difficult surgery.", comments: "Friendly, well paced, and the role play felt close to home." },
    { usefulness: 4, willDo: "Agree ground rules at the start of public meetings.", comments: null },
    { usefulness: 4, willDo: null, comments: "Two hours online was about right." },
    { usefulness: 3, willDo: "Take a break before answering angry emails.", comments: "The breakout rooms were too short to practise properly." },
    { usefulness: 5, willDo: "Call residents back rather than reply in writing when things are tense.", comments: "The best online session I have been on." },
  ],
];

const PROGRAMME: Plan[] = [
  {
    title: "Prevent and counter-extremism: autumn event, Leeds",
    topic: "counter-extremism",
    description:
      "A day for councillors on the Prevent duty and on leading when extremism touches a community: what the duty asks of councils, how referrals work, and how members speak up for cohesion.\n\nWith council Prevent leads and a panel of councillors who have led their areas through difficult times.",
    ...IN_PERSON,
    venue: "Leeds Civic Hall",
    address: "Calverley Street, Leeds LS1 1UR",
    ...ANYONE,
    moduleId: "prevent-duty",
    capacity: 30,
    startDay: -40,
    times: ["09:30", "16:00"],
    bookings: 18,
  },
  {
    title: "Handling difficult conversations (online)",
    topic: "conversations",
    description: "Two hours online on conversations that matter: residents in distress, angry public meetings, and talking about tensions in a community.",
    ...ONLINE,
    ...ANYONE,
    capacity: 40,
    startDay: -70,
    times: ["10:00", "12:00"],
    bookings: 22,
  },
  {
    title: "Prevent and counter-extremism for councillors, Manchester",
    topic: "counter-extremism",
    description:
      "The Prevent duty for elected members: the council's role, the part councillors play, and how to respond to concerns in your ward. Take the online module on the Prevent duty before the day.",
    ...IN_PERSON,
    venue: "Manchester Central Convention Complex",
    address: "Windmill Street, Manchester M2 3GX",
    ...ANYONE,
    moduleId: "prevent-duty",
    capacity: 30,
    startDay: 21,
    times: ["09:30", "16:00"],
    bookings: 17,
  },
  {
    title: "Leading through community tensions: a residential weekend",
    topic: "cohesion",
    description:
      "A residential weekend for councillors leading in places where tensions run high: case studies, practice in small groups, and time with councillors who have been there.\n\nAccommodation and meals are included from Friday evening to Sunday lunch.",
    ...IN_PERSON,
    venue: "Warwick Conferences, Scarman",
    address: "Gibbet Hill Road, Coventry CV4 7AL",
    ...ANYONE,
    moduleId: "community-cohesion",
    capacity: 24,
    startDay: 45,
    nights: 2,
    times: ["17:00", "13:00"],
    bookings: 28,
    demoWaits: true,
  },
  {
    title: "Difficult conversations: short online session",
    topic: "conversations",
    description: "A short online session on keeping a conversation going when it gets hard, with time to practise.",
    ...ONLINE,
    ...ANYONE,
    capacity: 40,
    startDay: 10,
    times: ["18:00", "19:30"],
    bookings: 9,
  },
  {
    title: "Safonau mewn bywyd cyhoeddus / Standards in public office: a day for Welsh councils",
    topic: "standards",
    description:
      "Cod Ymddygiad yr Aelodau yng Nghymru, Ombwdsmon Gwasanaethau Cyhoeddus Cymru, a rôl pwyllgorau safonau, i aelodau a swyddogion cynghorau yng Nghymru. Cynhelir y diwrnod yn Gymraeg ac yn Saesneg.\n\nThe Members' Code of Conduct in Wales, the Public Services Ombudsman for Wales, and the role of standards committees, for members and officers of Welsh councils. The day is held in Welsh and English.",
    ...IN_PERSON,
    venue: "Cardiff City Hall",
    address: "Cathays Park, Cardiff CF10 3ND",
    ...ANYONE,
    audience: "both",
    nation: "wales",
    language: "both",
    moduleId: "standards-in-public-office",
    capacity: 25,
    startDay: 35,
    times: ["10:00", "15:30"],
    bookings: 6,
  },
  {
    title: "Induction for newly elected councillors (online)",
    topic: "induction",
    description: "For councillors elected in the last year: how the council works, your role and the support you can ask for.",
    ...ONLINE,
    ...ANYONE,
    electedWithinMonths: 12,
    moduleId: "councillor-induction",
    capacity: 50,
    startDay: 14,
    times: ["18:30", "20:00"],
    bookings: 8,
  },
  {
    title: "Prevent good practice for council officers",
    topic: "counter-extremism",
    description: "An online session for council officers who support members on Prevent: what has worked in other councils.",
    ...ONLINE,
    ...ANYONE,
    audience: "officers",
    capacity: 30,
    startDay: 28,
    times: ["14:00", "15:30"],
    bookings: 4,
  },
  {
    title: "Emergency planning and civil resilience for councillors",
    topic: "resilience",
    description:
      "A new course on the councillor's part before, during and after an emergency: the local resilience forum, community leadership in recovery, and working with the council's emergency planners.",
    ...IN_PERSON,
    venue: "Birmingham Council House",
    address: "Victoria Square, Birmingham B1 1BB",
    ...ANYONE,
    capacity: 30,
    startDay: 70,
    times: ["09:30", "16:00"],
    opensBefore: 60,
    bookings: 0,
  },
  {
    title: "Community cohesion workshop, Bradford",
    topic: "cohesion",
    description: "A workshop on local cohesion plans and the councillor's part in them.",
    ...IN_PERSON,
    venue: "City Hall, Bradford",
    address: "Centenary Square, Bradford BD1 1HY",
    ...ANYONE,
    capacity: 20,
    startDay: 30,
    times: ["10:00", "15:00"],
    bookings: 5,
    status: "cancelled",
  },
  {
    title: "Counter-extremism special interest group: spring meeting",
    topic: "counter-extremism",
    description: "The special interest group's spring meeting, for members who lead on counter-extremism in their council.",
    ...ONLINE,
    ...ANYONE,
    capacity: 60,
    startDay: 120,
    times: ["14:00", "16:00"],
    bookings: 0,
    status: "draft",
  },
];

export async function seedCourses(now = new Date()) {
  const staff = await db.user.findFirstOrThrow({ where: { role: "staff" }, orderBy: { email: "asc" } });
  const councillors = await db.user.findMany({
    where: { role: "councillor", emailConfirmedAt: { not: null }, memberships: { some: { confirmedAt: { not: null }, leftOfficeOn: null } } },
    orderBy: { email: "asc" },
    select: { id: true, email: true },
  });
  const officers = await db.user.findMany({ where: { role: "officer" }, orderBy: { email: "asc" }, select: { id: true, email: true } });
  const demo = councillors.findIndex((person) => person.email === "councillor@demo.example");
  // The demo councillor first, so they have a place on the past event and are on the residential's waiting list.
  const people = [...councillors.slice(demo), ...councillors.slice(0, demo)];

  for (const [index, plan] of PROGRAMME.entries()) {
    const { startDay, times, nights = 0, opensBefore = 90, bookings, demoWaits, status = "published", ...details } = plan;
    // A residential starts on a Friday.
    const toFriday = nights ? (5 - new Date(now.getTime() + startDay * DAY).getUTCDay() + 7) % 7 : 0;
    const startsAt = ukAt(now, startDay + toFriday, times[0]);
    const input: CourseInput = {
      ...details,
      ...CONTACT,
      startsAt,
      endsAt: ukAt(now, startDay + toFriday + nights, times[1]),
      bookingOpensAt: new Date(startsAt.getTime() - opensBefore * DAY),
      bookingClosesAt: new Date(startsAt.getTime() - 2 * DAY),
      cancellationCutoffAt: new Date(startsAt.getTime() - 7 * DAY),
      offerHours: 48,
    };
    const { id } = await createCourse(input, staff.id, {});
    if (status === "draft") continue;
    await publishCourse({ courseId: id, actorId: staff.id }, {}, new Date(input.bookingOpensAt.getTime() - DAY));
    // Bookings arrive over the first weeks of booking (never later than now), from whoever the course is for.
    const others = people.slice(1).filter((_, i) => i % (index + 2) !== 1);
    const members = demoWaits ? [...others.slice(0, 25), people[0], ...others.slice(25)] : [people[0], ...others];
    const pool = details.audience === "officers" ? officers : details.audience === "both" ? [...officers, ...members] : members;
    let booked = 0;
    for (const person of pool) {
      if (booked === bookings) break;
      const at = new Date(Math.min(now.getTime() - DAY, input.bookingOpensAt.getTime() + (booked + 1) * 3 * 3_600_000));
      const needs = { dietaryNeeds: booked % 6 === 2 ? "Vegetarian" : null, accessNeeds: booked % 9 === 4 ? "Step-free access, please" : null };
      const outcome = await bookPlace({ courseId: id, userId: person.id, ...needs }, {}, at);
      if (outcome.status === "confirmed" || outcome.status === "waiting") booked++;
    }
    if (status === "cancelled") await cancelCourse({ courseId: id, actorId: staff.id }, {}, new Date(now.getTime() - 2 * DAY));
    if (startDay < 0) {
      const delegates = await db.booking.findMany({ where: { courseId: id, status: "confirmed" }, orderBy: { queueNumber: "asc" }, select: { id: true } });
      const marks = delegates.map((booking, i) => ({ bookingId: booking.id, attendance: i % 7 === 5 ? ("absent" as const) : ("attended" as const) }));
      await markAttendance({ courseId: id, marks, actorId: staff.id }, {}, input.endsAt);
      // Every other person who attended gave feedback afterwards (as many as there are answers), through the
      // function the feedback page uses; not the demo councillor (first on the register), who is still asked.
      const attended = marks.filter((mark) => mark.attendance === "attended");
      const bookings = await db.booking.findMany({ where: { id: { in: attended.map((mark) => mark.bookingId) } }, orderBy: { queueNumber: "asc" }, select: { userId: true } });
      for (const [i, { userId }] of bookings.entries()) {
        if (i % 2 === 0) continue;
        const said = FEEDBACK[index] ?? [];
        const answers = said[(i - 1) / 2];
        if (!answers) break;
        await giveFeedback({ courseId: id, userId, ...answers }, new Date(Math.min(now.getTime(), input.endsAt.getTime() + (i + 1) * 3_600_000)));
      }
    }
  }
}
