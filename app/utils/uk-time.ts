// Wall-clock time in the UK and the instants stored in UTC. Staff type a course's times as they read them
// on a UK clock; the database holds the instant. Across the clock changes the offset is 0 (GMT) or +1 (BST):
// Intl knows Europe/London's rules, so nothing here hard-codes them.
import { TIME_ZONE } from "~/i18n/config";

type ClockPart = "year" | "month" | "day" | "hour" | "minute" | "second";

// Made once per zone (only Europe/London and UTC are asked for): building a formatter costs far more than using one.
const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock in a time zone at an instant, each part as digits: year "2027", month "03" … hour "00"–"23". */
export function wallClock(instant: Date, timeZone: string = TIME_ZONE): Record<ClockPart, string> {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    clockFormats.set(timeZone, format);
  }
  return Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value])) as Record<ClockPart, string>;
}

/** The UK wall clock at an instant: "2027-03-28" and "10:00". */
export function ukParts(instant: Date) {
  const parts = wallClock(instant);
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Minutes the UK clock is ahead of UTC at an instant: 0 in winter, 60 in summer. */
function ukOffsetMinutes(instant: Date) {
  const { date, time } = ukParts(instant);
  const asIfUtc = Date.parse(`${date}T${time}:00Z`);
  return Math.round((asIfUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant a UK clock shows `date` ("YYYY-MM-DD") and `time` ("HH:MM"), or null when it never does:
 * an invalid date, or a time the clocks skip when they go forward (01:30 on the last Sunday of March).
 * A time shown twice when they go back (01:30 on the last Sunday of October) is the first, still in BST.
 */
export function ukTimeToUtc(date: string, time: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const asIfUtc = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(asIfUtc) || new Date(asIfUtc).toISOString().slice(0, 10) !== date) return null;
  // Try summer time first, so that of two instants showing the same time the earlier wins.
  for (const offset of [60, 0]) {
    const instant = new Date(asIfUtc - offset * 60_000);
    if (ukOffsetMinutes(instant) === offset) return instant;
  }
  return null;
}

const HOUR = 3_600_000;

/** The date in the UK at an instant, as midnight UTC of that date (how date-only fields are stored). */
export function ukDate(instant: Date) {
  // The UK clock is UTC's or an hour ahead of it, so before 23:00 UTC the UK date is the UTC date: that needs
  // no formatter, which costs tens of microseconds a date (a council's page asks for one per member and rule).
  const midnight = Math.floor(instant.getTime() / (24 * HOUR)) * 24 * HOUR;
  if (instant.getTime() - midnight < 23 * HOUR) return new Date(midnight);
  return new Date(`${ukParts(instant).date}T00:00:00Z`);
}

/** Today in the UK, as midnight UTC of that date. */
export function ukToday(now = new Date()) {
  return ukDate(now);
}
