// Bulk rows for `npm run seed:scale`, written with the database driver's own bulk insert: one prepared
// statement in a transaction on SQLite, one INSERT … SELECT FROM unnest(arrays) per few thousand rows on
// PostgreSQL. Through Prisma, createMany wrote 2,000–5,500 rows a second here (the client engine prepares
// every value in JavaScript), so the national set's half a million rows would take most of the five minutes;
// this writes 35,000+ a second on either database.
//
// The rows are the ones Prisma writes, stored as Prisma stores them: ids in the shape of @default(cuid()),
// every date written (a column's DEFAULT CURRENT_TIMESTAMP would store SQLite's "YYYY-MM-DD HH:MM:SS", which
// Prisma reads back differently), on SQLite as Prisma's text ("2026-05-07T00:00:00.000+00:00") and booleans
// as 1 and 0, on PostgreSQL dates as UTC into TIMESTAMP(3).
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl } from "~/utils/db.server";
import { sqliteFilePath } from "~/utils/migrate.server";

export type BulkValue = string | number | boolean | Date | null;
export type BulkRow = Record<string, BulkValue>;

export type BulkWriter = {
  /** Inserts the rows (all with the same columns) into the table; returns how many. */
  insert(table: string, rows: BulkRow[]): Promise<number>;
  close(): Promise<void>;
};

const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";
const FINGERPRINT = (process.pid.toString(36) + randomBytes(2).toString("hex")).slice(-4).padStart(4, "0");
let counter = 0;

function base36(bytes: Buffer) {
  let text = "";
  for (const byte of bytes) text += BASE36[byte % 36];
  return text;
}

/** An id in the shape of Prisma's cuid(): "c", the time, a counter, this process and randomness, 25 characters. */
export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  return `c${Date.now().toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${FINGERPRINT}${base36(randomBytes(8))}`;
}

function columnsOf(table: string, rows: BulkRow[]) {
  const columns = Object.keys(rows[0]!);
  for (const row of rows) {
    if (Object.keys(row).length !== columns.length || columns.some((column) => !(column in row))) {
      throw new Error(`${table}: every row must have the columns ${columns.join(", ")}`);
    }
  }
  return columns;
}

export async function openBulkWriter(url: string): Promise<BulkWriter> {
  return isPostgresUrl(url) ? openPostgres(url) : openSqlite(url);
}

function openSqlite(url: string): BulkWriter {
  const sqlite = new Database(sqliteFilePath(url));
  sqlite.pragma("busy_timeout = 5000");
  const statements = new Map<string, Database.Statement>();
  const checked = new Set<string>();
  const stored = (value: BulkValue) => (value instanceof Date ? value.toISOString().replace("Z", "+00:00") : typeof value === "boolean" ? Number(value) : value);

  /** A date column left out would take SQLite's own format from its DEFAULT: refuse, rather than store what Prisma cannot read alike. */
  function checkDates(table: string, columns: string[]) {
    const key = `${table}(${columns.join(",")})`;
    if (checked.has(key)) return;
    const info = sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string; dflt_value: string | null }[];
    if (info.length === 0) throw new Error(`No table ${table}`);
    const missing = info.filter((column) => column.type === "DATETIME" && column.dflt_value !== null && !columns.includes(column.name));
    if (missing.length > 0) throw new Error(`${table}: write ${missing.map((column) => column.name).join(", ")} (a default date is stored in another format)`);
    checked.add(key);
  }

  return {
    async insert(table, rows) {
      if (rows.length === 0) return 0;
      const columns = columnsOf(table, rows);
      checkDates(table, columns);
      const key = `${table}(${columns.join(",")})`;
      let statement = statements.get(key);
      if (!statement) {
        statement = sqlite.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
        statements.set(key, statement);
      }
      const insert = statement;
      sqlite.transaction(() => {
        for (const row of rows) insert.run(columns.map((column) => stored(row[column]!)));
      })();
      return rows.length;
    },
    async close() {
      sqlite.close();
    },
  };
}

async function openPostgres(url: string): Promise<BulkWriter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const types = new Map<string, Map<string, string>>();

  async function typesOf(table: string) {
    let found = types.get(table);
    if (!found) {
      const { rows } = await client.query<{ column_name: string; udt_name: string }>(
        "SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1",
        [table],
      );
      if (rows.length === 0) throw new Error(`No table ${table}`);
      found = new Map(rows.map((row) => [row.column_name, row.udt_name]));
      types.set(table, found);
    }
    return found;
  }

  const BATCH = 5000;
  return {
    async insert(table, rows) {
      if (rows.length === 0) return 0;
      const columns = columnsOf(table, rows);
      const udt = await typesOf(table);
      const casts = columns.map((column) => {
        const type = udt.get(column);
        if (!type) throw new Error(`${table} has no column ${column}`);
        return type;
      });
      const value = (type: string, v: BulkValue) =>
        v instanceof Date ? (type === "timestamptz" ? v.toISOString() : v.toISOString().slice(0, -1)) : v;
      const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT * FROM unnest(${casts.map((type, i) => `$${i + 1}::${type}[]`).join(", ")})`;
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        await client.query(sql, columns.map((column, i) => batch.map((row) => value(casts[i]!, row[column]!))));
      }
      return rows.length;
    },
    async close() {
      await client.end();
    },
  };
}
