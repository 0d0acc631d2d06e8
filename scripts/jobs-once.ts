// `npm run jobs:once`: the scheduled jobs once, for cron or by hand, safe while servers run them too: the
// course jobs (end due offers, "ends soon" reminders, erase old access needs) and the training jobs
// (reminders about required training, officers' weekly digests).
import { runCourseJobs } from "~/courses/jobs.server";
import { runTrainingJobs } from "~/requirements/reminders.server";
import { db } from "~/utils/db.server";

console.log("Course jobs:", JSON.stringify(await runCourseJobs()));
console.log("Training jobs:", JSON.stringify(await runTrainingJobs()));
await db.$disconnect();
