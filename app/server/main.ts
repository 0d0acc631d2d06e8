// The production entry point (`npm start`): applies migrations and the first-start seed once, then serves,
// from this process (development, tests) or from WEB_CONCURRENCY worker processes it supervises
// (production; see cluster.ts). Each server process runs ./index.ts.
import cluster from "node:cluster";
import { superviseWorkers, workerCount } from "./cluster";

if (cluster.isPrimary) {
  const workers = workerCount();
  await prepareDatabase({ disconnect: workers !== null });
  if (workers === null) await import("./index");
  else superviseWorkers(workers);
} else {
  await import("./index");
}

/** Run once, before any worker starts: two workers seeding an empty database would each write the demo data. */
async function prepareDatabase({ disconnect }: { disconnect: boolean }) {
  const { databaseUrl, db, isPostgres } = await import("~/utils/db.server");
  const { migrate } = await import("~/utils/migrate.server");
  const applied = await migrate(databaseUrl());
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  if (!isPostgres && process.env.SEED_DEMO_DATA !== "false" && (await db.council.count()) === 0) {
    const { seedDemoData } = await import("../../prisma/seed");
    await seedDemoData();
    console.log("Seeded demo data (see README for the demo sign-ins)");
  }
  if (disconnect) await db.$disconnect(); // the primary serves nothing: only the workers keep connections
}
