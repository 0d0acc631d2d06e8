// Wall-clock time in the UK and the instants stored in UTC. Staff type a course's times as they read them
// on a UK clock; the database holds the instant. Across the clock changes the offset is 0 (GMT) or +1 (BST):
// Intl knows Europe/London's rules, so nothing here hard-codes them.
import { TIME_ZONE } from "~/i18n/config";

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** The UK wall clock at an instant: "2027-03-28" and "10:00". */
export function ukParts(instant: Date) {
  const parts = Object.fromEntries(partsFormat.formatToParts(instant).map((part) => [part.type, part.value]));
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

/** Today in the UK, as midnight UTC of that date (how date-only fields are stored). */
export function ukToday(now = new Date()) {
  return new Date(`${ukParts(now).date}T00:00:00Z`);
}
