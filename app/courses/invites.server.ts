// Calendar files for course bookings: the invitation (or its cancellation) attached to a booking email,
// and each person's private subscription feed. A booking keeps one UID for life and the SEQUENCE stored
// on it, so a calendar updates or removes the event it already holds instead of adding another.
import type { Language } from "~/i18n/config";
import { wordsOf } from "~/i18n/i18n.server";
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
  type ICalCalendar,
  type ICalDayJsStub,
} from "ical-generator";
import { wallClock } from "~/utils/uk-time";
import { placeOf } from "./rules";

export type InviteMethod = "REQUEST" | "CANCEL";

export type InviteCourse = {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  /** in-person | online | both */
  format: string;
  venue: string | null;
  address: string | null;
  joiningLink: string | null;
  contactName: string;
  contactEmail: string;
};

export type CalendarAttachment = { filename: string; contentType: string; content: string };

const PROD_ID = { company: "Leadership Essentials", product: "Courses", language: "EN" };
const LONDON = "Europe/London";

// No time zone library is installed, so the one zone we use is written out: UK rules since 1996 (BST from
// 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October). Each DTSTART is local
// time before the change: 01:00 GMT in March, 02:00 BST in October.
const LONDON_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/London",
  "X-LIC-LOCATION:Europe/London",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0000",
  "TZOFFSETTO:+0100",
  "TZNAME:BST",
  "DTSTART:19810329T010000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0000",
  "TZNAME:GMT",
  "DTSTART:19961027T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

/** Stable for the life of the booking, so every later file (a change, a cancellation) replaces the same event. */
export function bookingUid(bookingId: string): string {
  return `booking-${bookingId}@leadership-essentials.local`;
}

/**
 * ical-generator writes a native Date in the server process's own time zone whatever TZID it labels it with
 * (and a server usually runs on UTC), so times go in as this day.js-shaped value (its ICalDayJsStub), which
 * gives the wall-clock time in the zone ical-generator asks for.
 */
class ZonedTime implements ICalDayJsStub {
  constructor(
    private readonly instant: Date,
    private readonly zone = "UTC",
  ) {}

  tz(zone = "UTC") {
    return new ZonedTime(this.instant, zone);
  }

  utc() {
    return new ZonedTime(this.instant, "UTC");
  }

  /** Only the two patterns ical-generator uses; anything else is a change in the library that must not pass silently. */
  format(pattern?: string) {
    const parts = wallClock(this.instant, this.zone);
    if (pattern === "YYYYMMDD") return `${parts.year}${parts.month}${parts.day}`;
    if (pattern === "HHmmss") return `${parts.hour}${parts.minute}${parts.second}`;
    throw new Error(`Unexpected date pattern from ical-generator: ${pattern}`);
  }

  isValid() {
    return !Number.isNaN(this.instant.getTime());
  }

  toDate() {
    return new Date(this.instant);
  }

  toJSON() {
    return this.instant.toJSON();
  }
}

function newCalendar(method?: ICalCalendarMethod) {
  const calendar = ical({ prodId: PROD_ID, ...(method ? { method } : {}) });
  // No calendar-wide zone (name null): with one, ical-generator writes DTSTAMP in local time without its Z.
  // The generator still writes a VTIMEZONE for the zone each event names.
  calendar.timezone({ name: null, generator: (zone) => (zone === LONDON ? LONDON_VTIMEZONE : null) });
  return calendar;
}

const isOnline = (course: InviteCourse) => course.format === "online" || course.format === "both";
const isInPerson = (course: InviteCourse) => course.format === "in-person" || course.format === "both";

type EventOptions = { withJoiningLink: boolean; language: Language };

/** The joining link goes only to confirmed delegates: never in a cancellation. */
function location(course: InviteCourse, { withJoiningLink, language }: EventOptions) {
  const place = isInPerson(course) ? [placeOf(course)] : [];
  const online = isOnline(course) ? [withJoiningLink && course.joiningLink ? course.joiningLink : wordsOf(language, "email")("courses.calendar.online")] : [];
  return [...place, ...online].filter(Boolean).join(", ");
}

function description(course: InviteCourse, { withJoiningLink, language }: EventOptions) {
  return withJoiningLink && isOnline(course) && course.joiningLink
    ? `${course.description}\n\n${wordsOf(language, "email")("courses.calendar.joiningLink", { link: course.joiningLink })}`
    : course.description;
}

function addCourseEvent(
  calendar: ICalCalendar,
  {
    bookingId,
    sequence,
    course,
    courseUrl,
    cancelled,
    language,
  }: { bookingId: string; sequence: number; course: InviteCourse; courseUrl: string; cancelled: boolean; language: Language },
) {
  const options = { withJoiningLink: !cancelled, language };
  return calendar.createEvent({
    id: bookingUid(bookingId),
    sequence,
    start: new ZonedTime(course.startsAt),
    end: new ZonedTime(course.endsAt),
    timezone: LONDON,
    summary: course.title,
    description: description(course, options),
    location: location(course, options) || null,
    url: courseUrl,
    organizer: { name: course.contactName, email: course.contactEmail },
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

/** The file attached to a booking email: REQUEST adds or updates the event, CANCEL removes it. */
export function calendarInvite({
  bookingId,
  sequence,
  method,
  course,
  attendee,
  courseUrl,
  language = "en",
}: {
  bookingId: string;
  sequence: number;
  method: InviteMethod;
  course: InviteCourse;
  attendee: { name: string; email: string };
  courseUrl: string;
  /** The language of the service's own words in the event ("Online", "Joining link"); the course's are as staff wrote them */
  language?: Language;
}): CalendarAttachment {
  const cancelled = method === "CANCEL";
  const calendar = newCalendar(cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
  addCourseEvent(calendar, { bookingId, sequence, course, courseUrl, cancelled, language }).createAttendee({
    name: attendee.name,
    email: attendee.email,
    role: ICalAttendeeRole.REQ,
    // The booking is the answer: the calendar must not ask them to accept again.
    rsvp: false,
    ...(cancelled ? {} : { status: ICalAttendeeStatus.ACCEPTED }),
  });
  return {
    filename: cancelled ? "cancel.ics" : "invite.ics",
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: calendar.toString(),
  };
}

/**
 * A person's private subscription feed: one event per booking, no METHOD (it is published, not a scheduling
 * message). A cancelled course stays in it as a cancelled event, without its joining link, as in the emailed CANCEL.
 */
export function calendarFeed({
  name,
  events,
  language = "en",
}: {
  name: string;
  events: { bookingId: string; sequence: number; course: InviteCourse; courseUrl: string; cancelled?: boolean }[];
  language?: Language;
}): string {
  const calendar = newCalendar();
  calendar.name(name);
  for (const event of events) addCourseEvent(calendar, { ...event, cancelled: event.cancelled ?? false, language });
  return calendar.toString();
}
