// The training jobs once, as another process would run them, at the instant in NOW (ISO): for the tests
// that two processes running them at once send each reminder once.
import { runTrainingJobs } from "~/requirements/reminders.server";
import { db } from "~/utils/db.server";

console.log(JSON.stringify(await runTrainingJobs(new Date(process.env.NOW!))));
await db.$disconnect();
