// Runs before each test file: gives it a database of its own, before Prisma is first imported.
import { afterAll, inject } from "vitest";
import { copyBaseDatabase } from "./databases";

const copy = await copyBaseDatabase(inject("baseDatabase"));
process.env.DATABASE_URL = copy.url;

afterAll(async () => {
  const { db } = await import("../../app/utils/db.server");
  await db.$disconnect();
  delete (globalThis as { __db?: unknown }).__db;
  await copy.remove();
});
