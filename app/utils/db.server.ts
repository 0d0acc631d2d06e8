// One Prisma client per process, on SQLite (the embedded default) or PostgreSQL, chosen by DATABASE_URL.
// See docs/decisions/001-sqlite-default-postgres-twin.md.
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "@prisma/client";

export const DEFAULT_DATABASE_URL = "file:./data/app.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export const isPostgres = isPostgresUrl(databaseUrl());

// The PostgreSQL twin schema generates an identical client, with its own runtime, into its own folder.
function postgresClientModule() {
  const require = createRequire(path.join(process.cwd(), "package.json"));
  return require(".prisma/client-pg") as { PrismaClient: typeof PrismaClient; Prisma: typeof Prisma };
}

/** logQueries: emit a "query" event per SQL statement (the tests count them: tests/queries.ts). */
export function createClient(url: string, { logQueries = false } = {}): PrismaClient {
  const log = logQueries ? [{ emit: "event" as const, level: "query" as const }] : [];
  if (isPostgresUrl(url)) {
    const { PrismaClient: PostgresClient } = postgresClientModule();
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }), log });
  }
  return new PrismaClient({ adapter: new ImmediateTransactions({ url, timeout: 5000 }), log });
}

/**
 * SQLite transactions that take the write lock when they begin (BEGIN IMMEDIATE), not at their first write.
 * The adapter begins them DEFERRED: a transaction that reads, then writes, fails at its write ("database is
 * locked") whenever another process wrote in between, since its snapshot is stale and cannot become a
 * writer's. Taken at the start, the lock is waited for (busy_timeout) and then held to the commit, so
 * several processes' transactions queue one after another instead. (PostgreSQL has row locks: no change.)
 */
class ImmediateTransactions extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    const client = (adapter as unknown as { client: { prepare: (sql: string) => unknown } }).client;
    const prepare = client.prepare.bind(client);
    client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    return adapter;
  }
}

const globalForDb = globalThis as unknown as { __db?: PrismaClient };

// The Remix build and the Express server each import this module: share one client between them.
export const db: PrismaClient = (globalForDb.__db ??= createClient(databaseUrl(), { logQueries: process.env.NODE_ENV === "test" }));

/** The client, or the transaction a function's writes must join (see docs/decisions/007-rules-under-concurrency.md). */
export type DbClient = Prisma.TransactionClient;

/**
 * Prisma.sql for a fragment of a $queryRaw query, from the runtime of the client in use: the PostgreSQL
 * client does not recognise a fragment made by the SQLite client's runtime (it would send it as a value).
 */
export const sql: typeof Prisma.sql = isPostgres ? postgresClientModule().Prisma.sql : Prisma.sql;
/** Prisma.join (fragments joined by a separator) and Prisma.raw (trusted SQL text), from the same runtime. */
export const sqlJoin: typeof Prisma.join = isPostgres ? postgresClientModule().Prisma.join : Prisma.join;
export const sqlRaw: typeof Prisma.raw = isPostgres ? postgresClientModule().Prisma.raw : Prisma.raw;

/**
 * A list of values as one query parameter (a JSON array), to select from: `WHERE "userId" IN (${valuesOf(ids)})`.
 * One parameter whatever its length, so 1 or 20,000 ids make the same query (and no limit on parameters is met).
 */
export function valuesOf(values: string[]) {
  const list = JSON.stringify(values);
  return isPostgres ? sql`SELECT jsonb_array_elements_text(${list}::jsonb)` : sql`SELECT value FROM json_each(${list})`;
}

/** Two requests writing the same unique key at once: the database's unique index decides. */
export function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
