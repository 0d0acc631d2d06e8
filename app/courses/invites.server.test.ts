// The calendar files read back with ical.js, the parser Thunderbird uses: what a calendar would make of them.
import ICAL from "ical.js";
import { afterEach, expect, test, vi } from "vitest";
import { bookingUid, calendarFeed, calendarInvite, type InviteCourse, type InviteMethod } from "./invites.server";

afterEach(() => vi.unstubAllEnvs());

const COURSE: InviteCourse = {
  id: "course-1",
  title: "Chairing meetings well",
  description: "A day on chairing council meetings.",
  startsAt: new Date("2027-06-10T08:30:00Z"),
  endsAt: new Date("2027-06-10T15:30:00Z"),
  format: "in-person",
  venue: "Guildhall",
  address: "1 High Street\nSwansea SA1 1AA",
  joiningLink: "https://meet.example/abc-defg",
  contactName: "Siân Evans",
  contactEmail: "courses@example.org",
};

function invite({ method = "REQUEST", sequence = 0, course = {} }: { method?: InviteMethod; sequence?: number; course?: Partial<InviteCourse> } = {}) {
  return calendarInvite({
    bookingId: "booking-1",
    sequence,
    method,
    course: { ...COURSE, ...course },
    attendee: { name: "Cllr Rhys Jones", email: "rhys.jones@example.org" },
    courseUrl: "https://learning.example/courses/course-1",
  });
}

function parse(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  return { calendar, events: calendar.getAllSubcomponents("vevent") };
}

function onlyEvent(content: string) {
  const { calendar, events } = parse(content);
  expect(events).toHaveLength(1);
  return { calendar, event: events[0] };
}

/** The instant a DATE-TIME property names, worked out with the VTIMEZONE the file itself carries. */
function instant(calendar: ICAL.Component, event: ICAL.Component, name: "dtstart" | "dtend") {
  const property = event.getFirstProperty(name)!;
  expect(property.getParameter("tzid")).toBe("Europe/London");
  const zones = calendar.getAllSubcomponents("vtimezone");
  expect(zones.map((zone) => zone.getFirstPropertyValue("tzid"))).toEqual(["Europe/London"]);
  const time = property.getFirstValue();
  if (!(time instanceof ICAL.Time)) throw new Error(`${name} is not a date-time`);
  time.zone = new ICAL.Timezone(zones[0]);
  return time.toJSDate().toISOString();
}

/** The wall-clock time written in the file, as YYYYMMDDTHHMMSS. */
function writtenTime(content: string, name: "DTSTART" | "DTEND") {
  return new RegExp(`^${name};TZID=Europe/London:(\\d{8}T\\d{6})\\r?$`, "m").exec(content)?.[1];
}

function contentTypeMethod(contentType: string) {
  return /;\s*method=(\w+)/i.exec(contentType)?.[1];
}

test("every file for a booking carries the same UID, and the SEQUENCE it is given", () => {
  const first = onlyEvent(invite({ sequence: 0 }).content).event;
  const update = onlyEvent(invite({ sequence: 3, course: { title: "Chairing meetings: new date" } }).content).event;
  const cancel = onlyEvent(invite({ method: "CANCEL", sequence: 4 }).content).event;

  expect(bookingUid("booking-1")).toBe(bookingUid("booking-1"));
  expect(bookingUid("booking-1")).not.toBe(bookingUid("booking-2"));
  expect([first, update, cancel].map((event) => event.getFirstPropertyValue("uid"))).toEqual(Array(3).fill(bookingUid("booking-1")));
  expect([first, update, cancel].map((event) => event.getFirstPropertyValue("sequence"))).toEqual([0, 3, 4]);
});

test("an invitation says REQUEST in its content type and inside, and the person has already accepted", () => {
  const file = invite();
  const { calendar, event } = onlyEvent(file.content);

  expect(file.filename).toBe("invite.ics");
  expect(file.contentType).toBe("text/calendar; charset=utf-8; method=REQUEST");
  expect(calendar.getFirstPropertyValue("method")).toBe(contentTypeMethod(file.contentType));
  expect(calendar.getFirstPropertyValue("prodid")).toMatch(/Leadership Essentials/);
  expect(event.getFirstPropertyValue("status")).toBe("CONFIRMED");
  expect(event.getFirstPropertyValue("summary")).toBe("Chairing meetings well");
  expect(event.getFirstPropertyValue("url")).toBe("https://learning.example/courses/course-1");
  const organizer = event.getFirstProperty("organizer")!;
  expect(organizer.getFirstValue()).toBe("mailto:courses@example.org");
  expect(organizer.getParameter("cn")).toBe("Siân Evans");
  const attendees = event.getAllProperties("attendee");
  expect(attendees).toHaveLength(1);
  expect(String(attendees[0].getFirstValue()).toLowerCase()).toBe("mailto:rhys.jones@example.org");
  expect(attendees[0].getParameter("cn")).toBe("Cllr Rhys Jones");
  expect(attendees[0].getParameter("partstat")).toBe("ACCEPTED");
  expect(attendees[0].getParameter("rsvp")).toBe("FALSE");
});

test("a cancellation says CANCEL in its content type and inside, and its event is cancelled", () => {
  const file = invite({ method: "CANCEL", sequence: 1 });
  const { calendar, event } = onlyEvent(file.content);

  expect(file.filename).toBe("cancel.ics");
  expect(file.contentType).toBe("text/calendar; charset=utf-8; method=CANCEL");
  expect(calendar.getFirstPropertyValue("method")).toBe(contentTypeMethod(file.contentType));
  expect(event.getFirstPropertyValue("status")).toBe("CANCELLED");
  expect(event.getFirstProperty("attendee")!.getParameter("partstat")).toBeUndefined();
});

test("a cancellation never carries the joining link, which only confirmed delegates may have", () => {
  const file = invite({ method: "CANCEL", course: { format: "online", venue: null, address: null } });
  expect(file.content).not.toContain("meet.example");
  expect(onlyEvent(file.content).event.getFirstPropertyValue("location")).toBe("Online");
});

test.each([
  { when: "in summer (BST)", startsAt: "2027-06-10T08:30:00Z", written: "20270610T093000" },
  { when: "in winter (GMT)", startsAt: "2027-11-10T09:30:00Z", written: "20271110T093000" },
  { when: "the Saturday before the clocks go forward", startsAt: "2027-03-27T09:30:00Z", written: "20270327T093000" },
  { when: "the Monday after the clocks go forward", startsAt: "2027-03-29T08:30:00Z", written: "20270329T093000" },
  { when: "the Saturday before the clocks go back", startsAt: "2027-10-30T08:30:00Z", written: "20271030T093000" },
  { when: "the Monday after the clocks go back", startsAt: "2027-11-01T09:30:00Z", written: "20271101T093000" },
])("a course starting at 09:30 UK time $when is written as UK time and read back as the same instant", ({ startsAt, written }) => {
  const start = new Date(startsAt);
  const file = invite({ course: { startsAt: start, endsAt: new Date(start.getTime() + 6 * 3600_000) } });
  const { calendar, event } = onlyEvent(file.content);

  expect(writtenTime(file.content, "DTSTART")).toBe(written);
  expect(instant(calendar, event, "dtstart")).toBe(start.toISOString());
  expect(instant(calendar, event, "dtend")).toBe(new Date(start.getTime() + 6 * 3600_000).toISOString());
});

test("a residential course across the autumn clock change starts in BST and ends in GMT", () => {
  // Friday 29 October 2027 10:00 BST to Sunday 31 October 16:00 GMT; the clocks go back at 02:00 on the Sunday.
  const file = invite({ course: { startsAt: new Date("2027-10-29T09:00:00Z"), endsAt: new Date("2027-10-31T16:00:00Z") } });
  const { calendar, event } = onlyEvent(file.content);

  expect(writtenTime(file.content, "DTSTART")).toBe("20271029T100000");
  expect(writtenTime(file.content, "DTEND")).toBe("20271031T160000");
  expect(instant(calendar, event, "dtstart")).toBe("2027-10-29T09:00:00.000Z");
  expect(instant(calendar, event, "dtend")).toBe("2027-10-31T16:00:00.000Z");
});

test("the file says the same whatever time zone the server runs in, and DTSTAMP stays in UTC", () => {
  const contents = ["UTC", "Europe/London", "America/New_York", "Asia/Tokyo"].map((zone) => {
    vi.stubEnv("TZ", zone);
    return invite().content.replace(/^DTSTAMP:.*$/m, "");
  });
  vi.unstubAllEnvs();

  expect(new Set(contents).size).toBe(1);
  expect(writtenTime(contents[0], "DTSTART")).toBe("20270610T093000");
  expect(invite().content).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r?$/m);
});

test.each([
  { format: "in-person", location: "Guildhall, 1 High Street, Swansea SA1 1AA", withLink: false },
  { format: "online", location: "https://meet.example/abc-defg", withLink: true },
  { format: "both", location: "Guildhall, 1 High Street, Swansea SA1 1AA, https://meet.example/abc-defg", withLink: true },
])("for a course $format, LOCATION says where to go, and DESCRIPTION gives the joining link when it is online", ({ format, location, withLink }) => {
  const venue = format === "online" ? { venue: null, address: null } : {};
  const { event } = onlyEvent(invite({ course: { format, ...venue } }).content);

  expect(event.getFirstPropertyValue("location")).toBe(location);
  expect(event.getFirstPropertyValue("description")).toBe(
    withLink ? "A day on chairing council meetings.\n\nJoining link: https://meet.example/abc-defg" : "A day on chairing council meetings.",
  );
});

test("the feed has one event per booking, with the invitations' UIDs and no scheduling method", () => {
  const feed = calendarFeed({
    name: "Rhys Jones: Leadership Essentials courses",
    events: [
      { bookingId: "booking-1", sequence: 2, course: COURSE, courseUrl: "https://learning.example/courses/course-1" },
      {
        bookingId: "booking-2",
        sequence: 0,
        course: { ...COURSE, id: "course-2", title: "Scrutiny", startsAt: new Date("2027-11-10T09:30:00Z"), endsAt: new Date("2027-11-10T12:30:00Z") },
        courseUrl: "https://learning.example/courses/course-2",
      },
    ],
  });
  const { calendar, events } = parse(feed);

  expect(calendar.getFirstPropertyValue("method")).toBeNull();
  expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Rhys Jones: Leadership Essentials courses");
  expect(events.map((event) => event.getFirstPropertyValue("uid"))).toEqual([bookingUid("booking-1"), bookingUid("booking-2")]);
  expect(events.map((event) => event.getFirstPropertyValue("sequence"))).toEqual([2, 0]);
  expect(events.map((event) => event.getFirstPropertyValue("summary"))).toEqual(["Chairing meetings well", "Scrutiny"]);
  expect(events.map((event) => instant(calendar, event, "dtstart"))).toEqual(["2027-06-10T08:30:00.000Z", "2027-11-10T09:30:00.000Z"]);
  expect(events.every((event) => event.getFirstProperty("attendee") === null)).toBe(true);
});

test("in the feed, a cancelled course is a cancelled event with the same UID, and without the joining link", () => {
  const online = { ...COURSE, format: "online", venue: null, address: null };
  const feed = calendarFeed({
    name: "Leadership Essentials courses",
    events: [
      { bookingId: "booking-1", sequence: 1, course: online, courseUrl: "https://learning.example/courses/course-1", cancelled: true },
      { bookingId: "booking-2", sequence: 0, course: { ...online, id: "course-2" }, courseUrl: "https://learning.example/courses/course-2" },
    ],
  });
  const { events } = parse(feed);

  expect(events.map((event) => event.getFirstPropertyValue("uid"))).toEqual([bookingUid("booking-1"), bookingUid("booking-2")]);
  expect(events.map((event) => event.getFirstPropertyValue("status"))).toEqual(["CANCELLED", "CONFIRMED"]);
  expect(events.map((event) => event.getFirstPropertyValue("location"))).toEqual(["Online", "https://meet.example/abc-defg"]);
  expect(events.map((event) => event.getFirstPropertyValue("description"))).toEqual([
    "A day on chairing council meetings.",
    "A day on chairing council meetings.\n\nJoining link: https://meet.example/abc-defg",
  ]);
});
