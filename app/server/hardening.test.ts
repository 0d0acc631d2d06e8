// What an outside client and an operator see of the server's hardening: request bodies limited before
// they are read, unexpected bodies refused without a stack trace, and a health check that notices a
// database it cannot write.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { afterEach, expect, test } from "vitest";
import { createClient, isPostgresUrl } from "~/utils/db.server";
import { migrate } from "~/utils/migrate.server";
import { startServer, type ServerProcess } from "../../tests/server-process";
import { isDatabaseWritable } from "./health";

const onPostgres = isPostgresUrl(process.env.DATABASE_URL ?? "");
let server: ServerProcess | undefined;

afterEach(() => {
  server?.stop();
  server = undefined;
});

function residentMegabytes(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/**
 * Sends a request whose headers promise `declared` bytes, then streams up to `sendAtMost` of them until the
 * server answers or closes. Returns what the server said.
 */
function postHuge(port: number, { path: target, type, declared, sendAtMost }: { path: string; type: string; declared: number; sendAtMost: number }) {
  return new Promise<string>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let reply = "";
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (sent < sendAtMost && !socket.destroyed) {
        sent += chunk.length;
        if (!socket.write(chunk)) return void socket.once("drain", pump);
      }
    };
    socket.on("connect", () => {
      socket.write(`POST ${target} HTTP/1.1\r\nHost: localhost:${port}\r\nContent-Type: ${type}\r\nContent-Length: ${declared}\r\n\r\n`);
      pump();
    });
    socket.on("data", (data) => (reply += data));
    socket.on("error", () => undefined);
    socket.on("close", () => resolve(reply));
  });
}

test("bodies far over the limit are refused with a clear 413 page before they are read: four at once leave memory where it was", async () => {
  server = await startServer(3252);
  await fetch(`${server.url}/login`);
  const before = residentMegabytes(server.child.pid!);
  const replies = await Promise.all([
    ...Array.from({ length: 4 }, () =>
      postHuge(3252, { path: "/forgot-password", type: "multipart/form-data; boundary=x", declared: 200 * 1024 * 1024, sendAtMost: 40 * 1024 * 1024 }),
    ),
    postHuge(3252, { path: "/login", type: "application/x-www-form-urlencoded", declared: 50 * 1024 * 1024, sendAtMost: 40 * 1024 * 1024 }),
  ]);
  for (const reply of replies) {
    expect(reply).toMatch(/^HTTP\/1.1 413/);
    expect(reply).toContain("<h1>What you sent is too large</h1>");
    expect(reply).toContain("(64 KB)");
  }
  // The members-list upload takes more, by its own address and by the one Remix posts to with JavaScript.
  for (const path of ["/council/upload", "/council/upload.data"]) {
    const reply = await postHuge(3252, { path, type: "multipart/form-data; boundary=x", declared: 20 * 1024 * 1024, sendAtMost: 4 * 1024 * 1024 });
    expect(reply).toMatch(/^HTTP\/1.1 413/);
    expect(reply).toContain("(2 MB)");
  }
  expect(residentMegabytes(server.child.pid!) - before).toBeLessThan(50);
});

test("bodies of a type no form sends are refused with 415, a body without a length with 411, and none of it logs a stack trace", async () => {
  server = await startServer(3253);
  const post = (init: RequestInit & { duplex?: "half" }) => fetch(`${server!.url}/login`, { method: "POST", redirect: "manual", ...init });
  const refused = [
    await post({ headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email: "a@example.org" }) }),
    await post({ headers: { "Content-Type": "multipart/form-data; boundary=nothing-like-the-body" }, body: "--wrong\r\n\r\n" }),
    await post({ headers: { "Content-Type": "text/plain" }, body: "email=a@example.org" }),
    await post({ body: "email=a%40example.org", headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Encoding": "gzip" } }),
  ];
  for (const response of refused) {
    expect(response.status).toBe(415);
    expect(await response.text()).toContain("This page accepts only its own form.");
  }
  const chunked = await post({
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("email=a%40example.org&password=x"));
        controller.close();
      },
    }),
    duplex: "half",
  });
  expect(chunked.status).toBe(411);

  // The forms themselves still work, up to the limit: a long form reaches the page and gets its answer.
  const form = new URLSearchParams({ email: "nobody@example.org", password: "not-the-password", redirectTo: `/${"x".repeat(60_000)}` });
  const ordinary = await post({ body: form });
  expect(ordinary.status).toBe(400);
  expect(await ordinary.text()).toContain("Enter a correct email address and password");
  // A file upload reaches the page that takes one (which sends a signed-out visitor to sign in).
  const upload = new FormData();
  upload.set("file", new Blob(["name,email\n"], { type: "text/csv" }), "members.csv");
  const uploaded = await fetch(`${server.url}/council/upload`, { method: "POST", redirect: "manual", body: upload });
  expect(uploaded.status).toBe(302);
  expect(uploaded.headers.get("Location")).toBe("/login?redirectTo=%2Fcouncil%2Fupload");

  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(server.output()).toMatch(/POST \/login 415/);
  expect(server.output()).not.toMatch(/^\s+at /m);
  expect(server.output()).not.toMatch(/Error:/);
});

test("the health check notices a database that answers reads but refuses writes", async () => {
  const url = onPostgres
    ? `${process.env.DATABASE_URL}${process.env.DATABASE_URL!.includes("?") ? "&" : "?"}options=${encodeURIComponent("-c default_transaction_read_only=on")}`
    : null;
  const readOnly = url
    ? createClient(url)
    : new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: process.env.DATABASE_URL!.replace(/^file:/, ""), readonly: true }) });
  try {
    expect(await readOnly.council.count()).toBeGreaterThanOrEqual(0);
    expect(await isDatabaseWritable(readOnly)).toBe(false);
  } finally {
    await readOnly.$disconnect();
  }
  expect(await isDatabaseWritable()).toBe(true);
});

test.skipIf(onPostgres || process.getuid?.() !== 0)(
  "a server whose SQLite file it may read but not write answers /healthz with 503",
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "le-readonly-"));
    fs.chmodSync(dir, 0o777);
    const file = path.join(dir, "app.db");
    await migrate(`file:${file}`);
    const nobody = { uid: 65534, gid: 65534 };
    const env = { DATABASE_URL: `file:${file}`, CONTENT_CACHE_DIR: path.join(dir, "cache") };
    try {
      fs.chownSync(file, nobody.uid, nobody.gid);
      server = await startServer(3254, { env, ...nobody });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      server.stop();

      // The same file, now owned by someone else and not writable by the server's user.
      fs.chownSync(file, 0, 0);
      fs.chmodSync(file, 0o644);
      server = await startServer(3254, { env, ...nobody });
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.text()).toBe("database unavailable");
      expect((await fetch(`${server.url}/login`)).status).toBe(200);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
);
