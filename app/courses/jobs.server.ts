// The course jobs: end offers whose time has passed (passing each place on), remind people whose offer
// ends soon, erase access and dietary needs 30 days after a course ends, and ask those who attended a course
// that has ended for their feedback (one email each). Each server process runs them
// every minute and `npm run jobs:once` runs them once; every step is claimed by a conditional update, so
// several processes running them at once do each thing once.
import { db } from "~/utils/db.server";
import { expireOffers, remindEndingOffers } from "./booking.server";
import { askForFeedback } from "./feedback.server";
import { NEEDS_KEPT_DAYS } from "./rules";

export const JOBS_INTERVAL_MS = 60_000;

export async function eraseOldNeeds(now = new Date()) {
  const { count } = await db.booking.updateMany({
    where: {
      course: { endsAt: { lt: new Date(now.getTime() - NEEDS_KEPT_DAYS * 86_400_000) } },
      OR: [{ accessNeeds: { not: null } }, { dietaryNeeds: { not: null } }],
    },
    data: { accessNeeds: null, dietaryNeeds: null },
  });
  return count;
}

export async function runCourseJobs(now = new Date()) {
  const expired = await expireOffers(now);
  const reminded = await remindEndingOffers(now);
  const erased = await eraseOldNeeds(now);
  const askedForFeedback = await askForFeedback(now);
  return { expired, reminded, erased, askedForFeedback };
}
