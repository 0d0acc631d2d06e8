// One process's share of the read-then-write race (app/utils/sqlite-transactions.test.ts): transactions that
// read, pause, then write. Prints how many failed.
import { db } from "~/utils/db.server";

let failed = 0;
for (let i = 0; i < 30; i++) {
  try {
    await db.$transaction(async (tx) => {
      await tx.auditEvent.count();
      await new Promise((resolve) => setTimeout(resolve, 5));
      await tx.auditEvent.create({ data: { type: "sign-in", detail: `read-then-write ${process.pid} ${i}` } });
    });
  } catch {
    failed++;
  }
}
console.log(JSON.stringify({ failed }));
await db.$disconnect();
