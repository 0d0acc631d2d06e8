// `npm run jobs:once`: the course jobs once (ends due offers, sends "ends soon" reminders, erases old
// access needs), for cron or by hand. Safe while servers run them too.
import { runCourseJobs } from "~/courses/jobs.server";
import { db } from "~/utils/db.server";

const outcome = await runCourseJobs();
console.log("Course jobs:", JSON.stringify(outcome));
await db.$disconnect();
