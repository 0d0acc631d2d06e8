// The association's programme over the data set's two years and the six months ahead, and what happened to
// each course's places: requests, the waiting list, cancellations, freed places offered and accepted, declined
// or left to expire, and the register. Courses are made through the staff functions (seed-scale.ts); the
// bookings of most are played out here, in time order, by the rules of app/courses/booking.server.ts
// (first come first served, a place freed before the cut-off offered to the first in the queue for 48 hours,
// never past booking closing; every change numbered by the course's ticket), and written in bulk.
import type { CourseInput } from "~/courses/courses.server";
import { whyNotEligible, type EligibilityPerson } from "~/courses/eligibility";
import { NEEDS_KEPT_DAYS, offerExpiry } from "~/courses/rules";
import type { Random } from "~/learning/core";
import { ukTimeToUtc } from "~/utils/uk-time";
import { newId, type BulkRow } from "./bulk";
import { pick } from "./people";

const HOUR = 3_600_000;
const DAY = 86_400_000;

export type CoursePlan = {
  input: CourseInput;
  status: "published" | "cancelled" | "draft";
  /** People asking for a place, as a share of the places */
  demand: number;
  /** A cancelled course: when staff cancelled it */
  cancelAt: Date | null;
  /** Booked through bookPlace (seed-scale.ts), not played out here */
  viaApp: boolean;
};

type Venue = { venue: string; address: string };
const VENUES: Record<string, Venue> = {
  Leeds: { venue: "Leeds Civic Hall", address: "Calverley Street, Leeds LS1 1UR" },
  Manchester: { venue: "Manchester Central Convention Complex", address: "Windmill Street, Manchester M2 3GX" },
  Birmingham: { venue: "Birmingham Council House", address: "Victoria Square, Birmingham B1 1BB" },
  Bristol: { venue: "Bristol City Hall", address: "College Green, Bristol BS1 5TR" },
  Newcastle: { venue: "Newcastle Civic Centre", address: "Barras Bridge, Newcastle upon Tyne NE1 8QH" },
  London: { venue: "18 Smith Square", address: "Westminster, London SW1P 3HZ" },
  Nottingham: { venue: "Nottingham Council House", address: "Old Market Square, Nottingham NG1 2DT" },
  Norwich: { venue: "The Forum", address: "Millennium Plain, Norwich NR2 1TF" },
  Preston: { venue: "County Hall", address: "Fishergate, Preston PR1 8XJ" },
  Exeter: { venue: "Exeter Guildhall", address: "High Street, Exeter EX4 3EB" },
};
const WELSH_VENUES: Record<string, Venue> = {
  Cardiff: { venue: "Cardiff City Hall", address: "Cathays Park, Cardiff CF10 3ND" },
  Llandudno: { venue: "Venue Cymru", address: "The Promenade, Llandudno LL30 1BB" },
  Aberystwyth: { venue: "Aberystwyth Arts Centre", address: "Penglais Campus, Aberystwyth SY23 3DE" },
};
const RESIDENTIAL: Venue = { venue: "Warwick Conferences, Scarman", address: "Gibbet Hill Road, Coventry CV4 7AL" };

const CONTACT = { contactName: "Leadership Essentials events team", contactEmail: "events@association.example", offerHours: 48 };
const ONLINE = { format: "online", venue: null, address: null, joiningLink: "https://meet.association.example/leadership-essentials" };
const FOR_COUNCILLORS = { audience: "councillors", electedWithinMonths: null, nation: null, moduleId: null, language: "en" };

type Template = {
  weight: (month: number) => number;
  residential?: true;
  make: (random: Random) => Omit<CourseInput, "startsAt" | "endsAt" | "bookingOpensAt" | "bookingClosesAt" | "cancellationCutoffAt" | keyof typeof CONTACT> & {
    times: [string, string];
    nights?: number;
    demand: number;
  };
};

const afterElections = (month: number) => (month >= 4 && month <= 8 ? 4 : 0.3);
const always = () => 1;

const TEMPLATES: Template[] = [
  {
    weight: always,
    make: (random) => {
      const city = pick(random, Object.keys(VENUES));
      return {
        title: `Prevent and counter-extremism for councillors, ${city}`,
        topic: "counter-extremism",
        description: "The Prevent duty for elected members: the council's role, the part councillors play, and how to respond to concerns in your ward. Take the online module on the Prevent duty before the day.",
        format: "in-person",
        joiningLink: null,
        ...VENUES[city]!,
        ...FOR_COUNCILLORS,
        moduleId: "prevent-duty",
        capacity: 30,
        times: ["09:30", "16:00"],
        demand: 0.7 + random() * 0.7,
      };
    },
  },
  {
    weight: always,
    make: (random) => ({
      title: "Handling difficult conversations (online)",
      topic: "conversations",
      description: "Two hours online on conversations that matter: residents in distress, angry public meetings, and talking about tensions in a community.",
      ...ONLINE,
      ...FOR_COUNCILLORS,
      capacity: 40,
      times: random() < 0.5 ? ["10:00", "12:00"] : ["18:30", "20:30"],
      demand: 0.5 + random() * 0.7,
    }),
  },
  {
    weight: always,
    make: (random) => {
      const city = pick(random, Object.keys(VENUES));
      return {
        title: `Community cohesion workshop, ${city}`,
        topic: "cohesion",
        description: "A workshop on local cohesion plans and the councillor's part in them.",
        format: "in-person",
        joiningLink: null,
        ...VENUES[city]!,
        ...FOR_COUNCILLORS,
        moduleId: "community-cohesion",
        capacity: 20 + Math.floor(random() * 6),
        times: ["10:00", "15:00"],
        demand: 0.6 + random() * 0.8,
      };
    },
  },
  {
    weight: afterElections,
    make: (random) => ({
      title: "Induction for newly elected councillors (online)",
      topic: "induction",
      description: "For councillors elected in the last year: how the council works, your role and the support you can ask for.",
      ...ONLINE,
      ...FOR_COUNCILLORS,
      electedWithinMonths: 12,
      moduleId: "councillor-induction",
      capacity: 50,
      times: ["18:30", "20:00"],
      demand: 0.6 + random() * 0.8,
    }),
  },
  {
    weight: always,
    make: (random) => ({
      title: "Standards in public office: the code of conduct in practice (online)",
      topic: "standards",
      description: "The code of conduct for members, declaring interests, and what happens when a complaint is made. With monitoring officers.",
      ...ONLINE,
      ...FOR_COUNCILLORS,
      moduleId: "standards-in-public-office",
      capacity: 40,
      times: ["14:00", "16:00"],
      demand: 0.4 + random() * 0.7,
    }),
  },
  {
    weight: (month) => (month >= 8 && month <= 10 ? 2 : 0.6),
    make: (random) => {
      const city = pick(random, Object.keys(WELSH_VENUES));
      return {
        title: `Safonau mewn bywyd cyhoeddus / Standards in public office: a day for Welsh councils, ${city}`,
        topic: "standards",
        description:
          "Cod Ymddygiad yr Aelodau yng Nghymru, Ombwdsmon Gwasanaethau Cyhoeddus Cymru, a rôl pwyllgorau safonau. Cynhelir y diwrnod yn Gymraeg ac yn Saesneg.\n\nThe Members' Code of Conduct in Wales, the Public Services Ombudsman for Wales, and the role of standards committees. The day is held in Welsh and English.",
        format: "in-person",
        joiningLink: null,
        ...WELSH_VENUES[city]!,
        ...FOR_COUNCILLORS,
        audience: "both",
        nation: "wales",
        language: "both",
        moduleId: "standards-in-public-office",
        capacity: 25,
        times: ["10:00", "15:30"],
        demand: 0.5 + random() * 0.6,
      };
    },
  },
  {
    weight: (month) => (month === 10 || month === 1 ? 2 : 0.7),
    make: (random) => {
      const city = pick(random, Object.keys(VENUES));
      return {
        title: `Emergency planning and civil resilience for councillors, ${city}`,
        topic: "resilience",
        description: "The councillor's part before, during and after an emergency: the local resilience forum, community leadership in recovery, and working with the council's emergency planners.",
        format: "in-person",
        joiningLink: null,
        ...VENUES[city]!,
        ...FOR_COUNCILLORS,
        moduleId: "emergency-planning",
        capacity: 30,
        times: ["09:30", "16:00"],
        demand: 0.5 + random() * 0.6,
      };
    },
  },
  {
    weight: () => 0.6,
    make: (random) => ({
      title: "Prevent good practice for council officers (online)",
      topic: "counter-extremism",
      description: "An online session for council officers who support members on Prevent: what has worked in other councils.",
      ...ONLINE,
      ...FOR_COUNCILLORS,
      audience: "officers",
      capacity: 30,
      times: ["14:00", "15:30"],
      demand: 0.3 + random() * 0.5,
    }),
  },
  {
    weight: (month) => (month === 8 || month === 2 ? 1.5 : 0.3),
    residential: true,
    make: (random) => ({
      title: "Leading through community tensions: a residential weekend",
      topic: "cohesion",
      description:
        "A residential weekend for councillors leading in places where tensions run high: case studies, practice in small groups, and time with councillors who have been there.\n\nAccommodation and meals are included from Friday evening to Sunday lunch.",
      format: "in-person",
      joiningLink: null,
      ...RESIDENTIAL,
      ...FOR_COUNCILLORS,
      moduleId: "community-cohesion",
      capacity: 24,
      times: ["17:00", "13:00"],
      nights: 2,
      demand: 1.3 + random() * 0.6,
    }),
  },
  {
    weight: always,
    make: (random) => ({
      title: "Scrutinising Prevent: questions for overview and scrutiny (online)",
      topic: "counter-extremism",
      description: "For members of overview and scrutiny committees: what to ask about the council's Prevent work, and what good answers sound like.",
      ...ONLINE,
      ...FOR_COUNCILLORS,
      moduleId: "scrutinising-prevent",
      capacity: 40,
      times: ["18:00", "19:30"],
      demand: 0.3 + random() * 0.6,
    }),
  },
  {
    weight: always,
    make: (random) => {
      const city = pick(random, Object.keys(VENUES));
      return {
        title: `Community leadership masterclass, ${city}`,
        topic: "leadership",
        description: "A day on leading your community through change: listening, convening and speaking up, with councillors who have done it.",
        format: "both",
        ...VENUES[city]!,
        joiningLink: "https://meet.association.example/leadership-masterclass",
        ...FOR_COUNCILLORS,
        moduleId: "community-leadership",
        capacity: 35,
        times: ["10:00", "16:00"],
        demand: 0.5 + random() * 0.8,
      };
    },
  },
];

function ukAt(day: number, time: string) {
  return ukTimeToUtc(new Date(day).toISOString().slice(0, 10), time)!;
}

/** The template's course on a day (a residential from the Friday on or after it), opened for booking 60 to 90 days before. */
function courseOn(random: Random, template: Template, day: number, scale: number) {
  const { times, nights = 0, demand, ...details } = template.make(random);
  const start = nights ? day + ((5 - new Date(day).getUTCDay() + 7) % 7) * DAY : day;
  const startsAt = ukAt(start, times[0]);
  const opensBefore = 60 + Math.floor(random() * 31);
  const input: CourseInput = {
    ...details,
    // a smaller set (a test's) has smaller courses, so that some still fill and have waiting lists
    capacity: scale >= 1 ? details.capacity : Math.max(3, Math.round(details.capacity * Math.min(1, scale * 3))),
    ...CONTACT,
    startsAt,
    endsAt: ukAt(start + nights * DAY, times[1]),
    bookingOpensAt: new Date(startsAt.getTime() - opensBefore * DAY),
    bookingClosesAt: new Date(startsAt.getTime() - 2 * DAY),
    cancellationCutoffAt: new Date(startsAt.getTime() - 7 * DAY),
  };
  return { input, demand };
}

/**
 * Courses every few days from two years ago to six months ahead: more after the May elections, fewer in August
 * and at Christmas. Three are booked through the app (`viaApp`), whatever the size: a Prevent day a month ago,
 * an online session in a few weeks and a residential weekend after it that is oversubscribed.
 */
export function programme(random: Random, now: Date, { scale = 1 } = {}): CoursePlan[] {
  const plans: CoursePlan[] = [];
  const today = Math.floor(now.getTime() / DAY) * DAY;
  const step = Math.min(21, Math.max(2, Math.round(4.5 / Math.max(scale, 0.05))));
  for (let day = today - 730 * DAY; day < today + 182 * DAY; day += (step - 1 + Math.floor(random() * 3)) * DAY) {
    const month = new Date(day).getUTCMonth();
    if ((month === 7 || month === 11) && random() < 0.6) continue;
    const weights = TEMPLATES.map((template): [Template, number] => [template, template.weight(month)]);
    const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
    let at = random() * total;
    const template = weights.find(([, weight]) => (at -= weight) < 0)?.[0] ?? TEMPLATES[0]!;
    const { input, demand } = courseOn(random, template, day, scale);
    const farAhead = input.startsAt.getTime() > today + 120 * DAY;
    const status = farAhead && random() < 0.3 ? "draft" : random() < 0.04 ? "cancelled" : "published";
    const cancelAt = status === "cancelled" ? new Date(Math.min(now.getTime() - HOUR, input.startsAt.getTime() - (3 + Math.floor(random() * 20)) * DAY)) : null;
    // a course cancelled before booking opened cannot have been: it is published and kept instead
    const cancelled = cancelAt && cancelAt > input.bookingOpensAt ? cancelAt : null;
    plans.push({ input, status: status === "cancelled" && !cancelled ? "published" : status, demand, cancelAt: cancelled, viaApp: false });
  }
  for (const [template, days] of [
    [TEMPLATES[0]!, -30],
    [TEMPLATES[1]!, 18],
    [TEMPLATES.find((t) => t.residential)!, 40],
  ] as const) {
    const { input, demand } = courseOn(random, template, today + days * DAY, scale);
    plans.push({ input, status: "published", demand, cancelAt: null, viaApp: true });
  }
  return plans.sort((a, b) => a.input.startsAt.getTime() - b.input.startsAt.getTime());
}

/** Someone who may ask for a place: what eligibility reads of them, who they are for the audit log, and from when they could (their account's start). */
export type Booker = { userId: string; email: string; person: EligibilityPerson; since: number };

type Booking = BulkRow & { id: string; status: string; queueNumber: number; userId: string };
type Event = { at: number; run: () => void };

/**
 * Plays out one course's bookings up to `until` (now, or when staff cancelled it), then its register.
 * Returns the bookings and audit events to write, and the course's ticket when done.
 */
export function playOutBookings(
  random: Random,
  course: CourseInput & { id: string },
  demand: number,
  pool: Booker[],
  { now, until, staffId }: { now: Date; until: Date; staffId: string },
) {
  const bookings: Booking[] = [];
  const audits: BulkRow[] = [];
  const emailOf = new Map<string, string>();
  let ticket = 0;
  const label = `${course.title} (${course.startsAt.toISOString().slice(0, 10)})`;
  const audit = (type: string, booking: Booking, at: number, detail?: string, actorId: string | null = null) =>
    audits.push({ id: newId(), type, userId: booking.userId, actorId, email: emailOf.get(booking.userId)!, ip: null, userAgent: null, detail: detail ? `${label}: ${detail}` : label, createdAt: new Date(at) });
  const events: Event[] = [];
  const schedule = (at: number, run: () => void) => events.push({ at, run });
  const end = Math.min(until.getTime(), course.startsAt.getTime());
  const closes = course.bookingClosesAt.getTime();
  const cutoff = course.cancellationCutoffAt.getTime();
  const opens = course.bookingOpensAt.getTime();
  const held = () => bookings.filter((b) => b.status === "confirmed" || b.status === "offered").length;
  const waiting = () => bookings.filter((b) => b.status === "waiting").sort((a, b) => a.queueNumber - b.queueNumber);
  const change = (booking: Booking, at: number, data: BulkRow) => Object.assign(booking, data, { updatedAt: new Date(at) });

  const offerFreePlaces = (at: number) => {
    if (at >= closes || at >= course.startsAt.getTime()) return;
    let free = course.capacity - held();
    for (const next of waiting()) {
      if (free <= 0) break;
      const expires = offerExpiry(new Date(at), course).getTime();
      change(next, at, { status: "offered", offeredAt: new Date(at), offerExpiresAt: new Date(expires) });
      audit("place-offered", next, at, `until ${new Date(expires).toISOString()}`);
      free--;
      const answer = random();
      const answeredAt = at + Math.min(expires - at - 60_000, (1 + random() * 40) * HOUR);
      if (answer < 0.7 && answeredAt > at) {
        schedule(answeredAt, () => {
          ticket++;
          change(next, answeredAt, { status: "confirmed", confirmedAt: new Date(answeredAt), calendarSequence: 1 });
          audit("offer-accepted", next, answeredAt);
        });
      } else if (answer < 0.85 && answeredAt > at) {
        schedule(answeredAt, () => {
          ticket++;
          change(next, answeredAt, { status: "declined", endedAt: new Date(answeredAt) });
          audit("offer-declined", next, answeredAt);
          offerFreePlaces(answeredAt);
        });
      } else {
        // the expiry job ends it within the minute
        const expiredAt = expires + 30_000;
        schedule(expiredAt, () => {
          ticket++;
          change(next, expiredAt, { status: "expired", endedAt: new Date(expiredAt) });
          audit("offer-expired", next, expiredAt);
          offerFreePlaces(expiredAt);
        });
      }
    }
  };

  // who asks: people the course is for, at times bunched after booking opens
  const askingUntil = Math.min(end, closes);
  const share = Math.min(1, (askingUntil - opens) / (closes - opens)) ** 0.6;
  const wanted = Math.round(course.capacity * demand * share);
  const chosen = new Set<string>();
  const open = new Date(opens);
  const candidates = pool.filter((booker) => !whyNotEligible(booker.person, { ...course, electedWithinMonths: null }, open));
  for (let tries = 0; chosen.size < wanted && tries < wanted * 30 && askingUntil > opens && candidates.length > 0; tries++) {
    const booker = candidates[Math.floor(random() * candidates.length)]!;
    if (chosen.has(booker.userId)) continue;
    const at = opens + (askingUntil - opens) * random() ** 1.8;
    if (at < booker.since || whyNotEligible(booker.person, course, new Date(at))) continue;
    chosen.add(booker.userId);
    emailOf.set(booker.userId, booker.email);
    schedule(at, () => {
      ticket++;
      const confirmed = waiting().length === 0 && held() < course.capacity;
      const recent = course.endsAt.getTime() > now.getTime() - NEEDS_KEPT_DAYS * DAY;
      const booking: Booking = {
        id: newId(),
        courseId: course.id,
        userId: booker.userId,
        status: confirmed ? "confirmed" : "waiting",
        queueNumber: ticket,
        requestedAt: new Date(at),
        confirmedAt: confirmed ? new Date(at) : null,
        offeredAt: null,
        offerExpiresAt: null,
        offerReminderSentAt: null,
        cancelRequestedAt: null,
        endedAt: null,
        attendance: null,
        // needs are erased 30 days after the course ends (eraseOldNeeds)
        accessNeeds: recent && random() < 0.1 ? "Step-free access, please" : null,
        dietaryNeeds: recent && random() < 0.15 ? "Vegetarian" : null,
        calendarSequence: confirmed ? 1 : 0,
        createdAt: new Date(at),
        updatedAt: new Date(at),
      };
      bookings.push(booking);
      if (confirmed) audit("place-booked", booking, at);
      else audit("waiting-list-joined", booking, at, `position ${waiting().length}`);
      const leaveAt = at + random() * (cutoff - at);
      if (confirmed && random() < 0.08 && leaveAt > at) {
        schedule(leaveAt, () => {
          if (booking.status !== "confirmed") return;
          ticket++;
          change(booking, leaveAt, { status: "cancelled", endedAt: new Date(leaveAt), calendarSequence: 2 });
          audit("booking-ended", booking, leaveAt, "cancelled by the delegate");
          offerFreePlaces(leaveAt);
        });
      } else if (!confirmed && random() < 0.06 && leaveAt > at) {
        schedule(leaveAt, () => {
          if (booking.status !== "waiting") return;
          ticket++;
          change(booking, leaveAt, { status: "cancelled", endedAt: new Date(leaveAt) });
          audit("booking-ended", booking, leaveAt, "left the waiting list");
        });
      }
    });
  }

  // in time order, each event possibly scheduling later ones; nothing after `end` has happened yet
  for (;;) {
    events.sort((a, b) => a.at - b.at);
    const next = events[0];
    if (!next || next.at >= end) break;
    events.shift();
    next.run();
  }

  // the register, once the course is over
  if (course.endsAt.getTime() < Math.min(until.getTime(), now.getTime())) {
    const at = course.endsAt.getTime() + HOUR;
    ticket++;
    for (const booking of bookings.filter((b) => b.status === "confirmed")) {
      const attendance = random() < 0.88 ? "attended" : "absent";
      change(booking, at, { attendance });
      audit("attendance-marked", booking, at, attendance, staffId);
    }
  }
  return { bookings, audits, lastTicket: ticket };
}
