// The booking race over HTTP for tests/bench/run.ts: 200 councillors press "Book a place" on a 20-place course at
// the same moment, through the real server (CSRF check, session, route action, booking transaction, flash redirect).
// People, sessions and the course are written straight into the bench's database, as the tests do: signing 200
// people in through /login would spend seconds on argon2 and meet the sign-in throttle. Then every POST goes at
// once, and each answer and the database are checked: exactly `capacity` confirmed, the rest waiting in the order
// the server took them, each told a position of their own, one booking and one email each, no error shown.
import { percentile } from "./stats";

export type RaceSettings = { origin: string; dbFile: string; sessionSecret: string; people: number; capacity: number };

type Racer = { id: string; email: string; cookie: string };
export type Race = { settings: RaceSettings; courseId: string; racers: Racer[] };

export type RaceFigures = {
  processes: number;
  requests: number;
  settleMs: number;
  bookingsPerSecond: number;
  p50: number;
  p95: number;
  max: number;
  /** Status codes seen, with how many of each ("302×200"); network errors count as "error" */
  statuses: string;
  confirmed: number;
  waiting: number;
  emails: number;
  problems: string[];
};

let opened = false;

/**
 * The app's own modules, on the bench's database and with the server's cookie settings: imported late, since the
 * database client reads DATABASE_URL and the cookies their names and secret when first imported.
 */
async function app(settings: RaceSettings) {
  opened = true;
  process.env.DATABASE_URL = `file:${settings.dbFile}`;
  process.env.SECURE_COOKIES = "true"; // the production server's cookie is __Host-le_session
  process.env.SESSION_SECRET = settings.sessionSecret; // to read the flash message each answer carries
  const [{ db }, { startSession }, { getFlash }, { wordsOf }, factories] = await Promise.all([
    import("~/utils/db.server"),
    import("~/utils/session.server"),
    import("~/utils/flash.server"),
    import("~/i18n/i18n.server"),
    import("../factories"),
  ]);
  return { db, startSession, getFlash, wordsOf, factories };
}

/** A council of `people` councillors (confirmed members), a session each, and a published course open for booking. */
export async function prepareRace(settings: RaceSettings): Promise<Race> {
  const { startSession, factories } = await app(settings);
  const council = await factories.createCouncil({ name: `Bench race ${Date.now()} Council` });
  const racers: Racer[] = [];
  for (let i = 0; i < settings.people; i++) {
    // No password: the session is what the server checks, and hashing 200 would take seconds.
    const user = await factories.createUser({ councilId: council.id, password: null, name: `Racer ${i + 1}` });
    racers.push({ id: user.id, email: user.email, cookie: (await startSession(user.id)).split(";")[0] });
  }
  const course = await factories.createCourse({ capacity: settings.capacity });
  return { settings, courseId: course.id, racers };
}

/** Every POST at once, as a same-origin browser form would send it; then the answers and the database are checked. */
export async function runRace({ settings, courseId, racers }: Race, processes: number): Promise<RaceFigures> {
  const { db, getFlash, wordsOf } = await app(settings);
  const { origin, capacity } = settings;
  const here = `/courses/${courseId}`;
  const problems: string[] = [];

  // One GET first: proves a racer's cookie signs them in and the page offers booking (else every POST would fail alike).
  const page = await fetch(origin + here, { headers: { Cookie: racers[0].cookie }, redirect: "manual" });
  const html = await page.text();
  if (page.status !== 200 || !html.includes('value="book"')) {
    throw new Error(`GET ${here} as a racer gave HTTP ${page.status} ${page.headers.get("location") ?? ""} without the booking form`);
  }

  type Answer = { racer: Racer; status: number | "error"; ms: number; location: string | null; flash: string | null };
  const post = async (racer: Racer): Promise<Answer> => {
    const started = performance.now();
    try {
      const res = await fetch(origin + here, {
        method: "POST",
        redirect: "manual",
        headers: {
          Cookie: racer.cookie,
          Origin: origin,
          "Sec-Fetch-Site": "same-origin",
          "Content-Type": "application/x-www-form-urlencoded",
          "Accept-Language": "en-GB",
        },
        body: new URLSearchParams({ intent: "book", accessNeeds: "", dietaryNeeds: "" }),
      });
      await res.arrayBuffer();
      const flashCookie = res.headers.getSetCookie().map((header) => header.split(";")[0]).find((pair) => pair.startsWith("le_flash="));
      const flash = flashCookie ? (await getFlash(new Request(origin, { headers: { Cookie: flashCookie } }))).message : null;
      return { racer, status: res.status, ms: performance.now() - started, location: res.headers.get("location"), flash };
    } catch (error) {
      problems.push(`POST for ${racer.email} failed: ${error instanceof Error ? error.message : String(error)}`);
      return { racer, status: "error", ms: performance.now() - started, location: null, flash: null };
    }
  };
  const started = performance.now();
  const answers = await Promise.all(racers.map(post));
  const settleMs = performance.now() - started;

  // What each person was shown: "your place is booked", or "you are number N on the waiting list"; anything else is an error.
  const t = wordsOf("en", "courses");
  const confirmedText = t("book.confirmed");
  const waitingPattern = new RegExp(`^${t("book.waiting", { position: 999_999 }).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace("999999", "(\\d+)")}$`);
  const toldPosition = new Map<string, number>();
  let shownErrors = 0;
  for (const answer of answers) {
    const position = answer.flash ? waitingPattern.exec(answer.flash)?.[1] : undefined;
    if (answer.status === 302 && answer.location === here && answer.flash === confirmedText) continue;
    if (answer.status === 302 && answer.location === here && position) {
      toldPosition.set(answer.racer.id, Number(position));
      continue;
    }
    if (shownErrors++ < 3) problems.push(`${answer.racer.email} got HTTP ${answer.status} to ${answer.location ?? "nowhere"}: "${answer.flash ?? "no message"}"`);
  }
  if (shownErrors > 3) problems.push(`…and ${shownErrors - 3} more answers that were not a booking or a place on the waiting list`);

  const bookings = await db.booking.findMany({ where: { courseId }, orderBy: { queueNumber: "asc" }, select: { userId: true, status: true, queueNumber: true } });
  const confirmed = bookings.filter((booking) => booking.status === "confirmed");
  const waiting = bookings.filter((booking) => booking.status === "waiting");
  const booked = new Set(bookings.map((booking) => booking.userId));
  if (bookings.length !== racers.length || !racers.every((racer) => booked.has(racer.id))) {
    problems.push(`${bookings.length} bookings for ${booked.size} distinct people, not one for each of the ${racers.length}`);
  }
  if (confirmed.length !== capacity) problems.push(`${confirmed.length} confirmed places, not ${capacity}`);
  if (waiting.length !== racers.length - capacity) problems.push(`${waiting.length} waiting, not ${racers.length - capacity}`);
  // The first `capacity` the server took have the places; the rest wait in that same order, each told their place in it.
  if (!bookings.slice(0, capacity).every((booking) => booking.status === "confirmed")) problems.push("a place went to someone behind a person left waiting");
  if (new Set(bookings.map((booking) => booking.queueNumber)).size !== bookings.length) problems.push("two bookings share a queue number");
  const outOfOrder = waiting.filter((booking, index) => toldPosition.get(booking.userId) !== index + 1).length;
  if (outOfOrder) problems.push(`${outOfOrder} people waiting were told a position other than their place in the queue`);

  const emails = await db.emailMessage.groupBy({ by: ["to"], where: { to: { in: racers.map((racer) => racer.email) } }, _count: true });
  const emailCount = emails.reduce((total, row) => total + row._count, 0);
  if (emailCount !== racers.length || emails.length !== racers.length) problems.push(`${emailCount} emails to ${emails.length} people, not one each to ${racers.length}`);

  const latencies = answers.map((answer) => answer.ms).sort((a, b) => a - b);
  const statusCounts = new Map<string, number>();
  for (const answer of answers) statusCounts.set(String(answer.status), (statusCounts.get(String(answer.status)) ?? 0) + 1);
  return {
    processes,
    requests: answers.length,
    settleMs,
    bookingsPerSecond: answers.length / (settleMs / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies[latencies.length - 1],
    statuses: [...statusCounts].map(([status, count]) => `${status}×${count}`).join(" "),
    confirmed: confirmed.length,
    waiting: waiting.length,
    emails: emailCount,
    problems,
  };
}

/** Closes the bench's own database connection (the server keeps its own). */
export async function closeRaceDatabase() {
  if (!opened) return;
  const { db } = await import("~/utils/db.server");
  await db.$disconnect();
}
