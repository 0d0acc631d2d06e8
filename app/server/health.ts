// GET /healthz: 200 when the database answers and can be written, 503 when not. A read-only or full
// database still answers reads, so the check writes: one row in a table of its own.
import type { PrismaClient } from "@prisma/client";
import type { RequestHandler } from "express";
import { db } from "~/utils/db.server";

export async function isDatabaseWritable(client: PrismaClient = db): Promise<boolean> {
  try {
    const checkedAt = new Date();
    await client.healthCheck.upsert({ where: { id: 1 }, create: { id: 1, checkedAt }, update: { checkedAt } });
    return true;
  } catch {
    return false;
  }
}

export const healthCheck: RequestHandler = async (_req, res) => {
  res.set("Cache-Control", "no-store");
  if (await isDatabaseWritable()) res.status(200).type("text/plain").send("ok");
  else res.status(503).type("text/plain").send("database unavailable");
};
