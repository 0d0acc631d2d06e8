import { db, sql, isPostgres } from "~/utils/db.server";
console.log("isPostgres", isPostgres);
const people = sql`SELECT jsonb_array_elements_text(${JSON.stringify(["a"])}::jsonb) AS "id"`;
console.log(people.constructor.name, Object.getPrototypeOf(people) );
try { console.log(await db.$queryRaw`WITH people AS (${people}) SELECT "id" FROM people`); } catch (e) { console.log(String(e).slice(-200)); }
await db.$disconnect();
