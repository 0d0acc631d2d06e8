// The SQL statements the app's database client sends while a function runs: to show that a reader costs
// a fixed number of queries, and which tables it reads. (db.server.ts turns query events on under Vitest.)
import { db } from "~/utils/db.server";

let recording: string[] | null = null;
(db as unknown as { $on(event: "query", listener: (event: { query: string }) => void): void }).$on("query", (event) => {
  recording?.push(event.query);
});

export async function sqlDuring<T>(fn: () => Promise<T>): Promise<{ result: T; sql: string[] }> {
  if (process.env.NODE_ENV !== "test") throw new Error("query events are only on under NODE_ENV=test");
  const sql: string[] = [];
  recording = sql;
  try {
    return { result: await fn(), sql };
  } finally {
    recording = null;
  }
}
