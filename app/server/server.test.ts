// The production server as an operator sees it: health check, request log, graceful shutdown, and
// several worker processes (WEB_CONCURRENCY) that share the database's sessions, lockouts and outbox.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterEach, expect, test, vi } from "vitest";
import { enqueueEmail } from "~/models/email.server";
import { ACCOUNT_FAILURE_LIMIT } from "~/models/throttle.server";
import { db, isPostgresUrl } from "~/utils/db.server";
import { createUser, TEST_PASSWORD } from "../../tests/factories";
import { withAdmin } from "../../tests/setup/databases";

let server: ChildProcess | undefined;
let output = "";

// Each test starts real server processes (two workers load the whole app): on a busy machine that takes a while.
vi.setConfig({ testTimeout: 90_000 });

afterEach(() => {
  server?.kill("SIGKILL");
  server = undefined;
});

/** Starts `npm start`'s entry point and waits until every worker listens (one process unless WEB_CONCURRENCY says). */
async function startServer(port: number, env: Record<string, string> = {}) {
  output = "";
  const workers = Number(env.WEB_CONCURRENCY ?? 1);
  server = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
    env: { ...process.env, PORT: String(port), NODE_ENV: "production", SEED_DEMO_DATA: "false", WEB_CONCURRENCY: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk) => (output += chunk));
  server.stderr!.on("data", (chunk) => (output += chunk));
  await waitFor(() => listeners() >= workers, `${workers} worker(s) listening`);
  return server;
}

function listeners() {
  return output.split("listening on").length - 1;
}

async function waitFor(condition: () => boolean, what: string, seconds = 60) {
  for (let i = 0; i < seconds * 10; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Waited ${seconds} s for ${what}:\n${output}`);
}

/** The worker pids the request log shows answering `method path`. */
function pidsThatAnswered(method: string, path: string) {
  const pattern = new RegExp(`${method} ${path.replace(/[/.]/g, "\\$&")} \\d{3} .* pid=(\\d+)`, "g");
  return new Set([...output.matchAll(pattern)].map((match) => match[1]));
}

/** A sign-in on a connection of its own (no keep-alive), so the primary hands each to the next worker. */
function postSignIn(port: number, email: string, password: string) {
  const body = new URLSearchParams({ email, password }).toString();
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/login",
        method: "POST",
        agent: false,
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

function exited(child: ChildProcess) {
  return new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
}

test("the health check answers 200 and every request is logged on one line", async () => {
  await startServer(3401);
  const response = await fetch("http://localhost:3401/healthz");
  expect(response.status).toBe(200);
  expect(await response.text()).toBe("ok");
  await fetch("http://localhost:3401/ping");
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(output).toMatch(/GET \/healthz 200 [\d.]+ms/);
  expect(output).toMatch(/GET \/ping 200 [\d.]+ms/);
});

/** A sign-in form sent over its own connection but for its last bytes: `finish` sends them. */
async function halfSentSignIn(port: number) {
  const body = "email=nobody%40example.org&password=not-the-password";
  const socket = net.connect(port, "127.0.0.1");
  await new Promise((resolve) => socket.once("connect", resolve));
  let reply = "";
  socket.on("data", (chunk) => (reply += chunk));
  socket.write(
    `POST /login HTTP/1.1\r\nHost: localhost:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
  );
  return { finish: () => socket.write(body.slice(10)), reply: () => reply };
}

test("on SIGTERM the server finishes the request in flight, then exits cleanly", async () => {
  const child = await startServer(3402);
  // Send half a sign-in form, stop the server, then send the rest: the answer must still arrive.
  const signIn = await halfSentSignIn(3402);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const exit = exited(child);
  child.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 300));
  // New connections are refused while the old one is finishing.
  await expect(fetch("http://localhost:3402/healthz")).rejects.toThrow();
  signIn.finish();
  expect(await exit).toBe(0);
  expect(signIn.reply(), output).toMatch(/^HTTP\/1.1 400/);
  expect(signIn.reply()).toContain("Enter a correct email address and password");
  expect(output).toContain("Shut down cleanly");
});

test("with two workers, SIGTERM lets every worker finish its request in flight before the server exits", async () => {
  const child = await startServer(3241, { WEB_CONCURRENCY: "2" });
  // Four half-sent sign-ins on four connections: the primary hands them out in turn, so both workers hold some.
  const signIns = await Promise.all([1, 2, 3, 4].map(() => halfSentSignIn(3241)));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const exit = exited(child);
  child.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 300));
  await expect(fetch("http://localhost:3241/healthz")).rejects.toThrow();
  for (const { finish } of signIns) finish();
  expect(await exit).toBe(0);
  for (const { reply } of signIns) expect(reply(), output).toMatch(/^HTTP\/1.1 400/);
  expect(pidsThatAnswered("POST", "/login").size, output).toBe(2);
  expect(output.split("Shut down cleanly").length - 1).toBe(2);
  expect(output).toContain("All workers stopped cleanly");
});

test("a worker that dies is replaced, and the service keeps answering meanwhile", async () => {
  await startServer(3242, { WEB_CONCURRENCY: "2" });
  for (let i = 0; i < 6; i++) await postSignIn(3242, "nobody@example.org", "wrong");
  const [victim] = pidsThatAnswered("POST", "/login");
  process.kill(Number(victim), "SIGKILL");
  await waitFor(() => output.includes(`Worker ${victim} died (SIGKILL)`), "the primary to notice");
  expect((await fetch("http://localhost:3242/healthz")).status).toBe(200);
  await waitFor(() => listeners() === 3, "a new worker listening");
  expect(output).toContain(`Worker ${victim} died (SIGKILL) after`);
});

test("failed sign-ins answered by two different workers add up to one lockout", async () => {
  const user = await createUser({ email: "two-workers@example.org" });
  await startServer(3243, { WEB_CONCURRENCY: "2" });
  const answers = [];
  for (let attempt = 1; attempt <= ACCOUNT_FAILURE_LIMIT; attempt++) {
    answers.push((await postSignIn(3243, user.email, `wrong-password-${attempt}`)).status);
  }
  expect(pidsThatAnswered("POST", "/login").size, "the sign-ins landed on both workers").toBe(2);
  expect(answers).toEqual([...Array(ACCOUNT_FAILURE_LIMIT - 1).fill(400), 429]);
  // Locked on every worker, even with the right password.
  for (let i = 0; i < 2; i++) {
    const { status, body } = await postSignIn(3243, user.email, TEST_PASSWORD);
    expect(status).toBe(429);
    expect(body).toContain("too many attempts to sign in to this account");
  }
});

test("two workers delivering the outbox at the same time send each email once", async () => {
  const received: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      let raw = "";
      stream.on("data", (chunk) => (raw += chunk));
      // A slow mail server, so both workers' delivery runs overlap.
      stream.on("end", () => setTimeout(() => (received.push(/^Subject: (.*)$/m.exec(raw)?.[1] ?? raw), callback()), 150));
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  try {
    const count = 20;
    for (let i = 0; i < count; i++) await enqueueEmail({ to: `member-${i}@example.org`, subject: `Message ${i}`, text: "Hello" });
    const { port } = smtp.server.address() as AddressInfo;
    await startServer(3244, { WEB_CONCURRENCY: "2", SMTP_URL: `smtp://127.0.0.1:${port}` });
    await waitFor(() => received.length >= count, `${count} emails`);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // time for a second copy to arrive, if one were sent
    expect([...received].sort()).toEqual(Array.from({ length: count }, (_, i) => `Message ${i}`).sort());
    expect(await db.emailMessage.count({ where: { subject: { startsWith: "Message " }, status: "sent" } })).toBe(count);
  } finally {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  }
});

test.skipIf(isPostgresUrl(process.env.DATABASE_URL ?? ""))("SQLite runs in WAL mode with a busy timeout, so several processes can write", async () => {
  const [journal] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
  expect(journal.journal_mode).toBe("wal");
  const [busy] = await db.$queryRawUnsafe<Record<string, number | bigint>[]>("PRAGMA busy_timeout");
  expect(Number(Object.values(busy)[0])).toBeGreaterThanOrEqual(5000);
});

/** Every script of the browser build, by its path under public/build, with its code. */
function builtScripts() {
  return fs
    .readdirSync("public/build", { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".js"))
    .map((name) => ({ name, code: fs.readFileSync(path.join("public/build", name), "utf8") }));
}

test("the browser's scripts carry no zod and no database code", () => {
  const scripts = builtScripts();
  expect(scripts.length).toBeGreaterThan(10);
  for (const { name, code } of scripts) expect(code, name).not.toMatch(/ZodError|\$ZodType|PrismaClient/);
});

// Each shared chunk is a request a phone makes before the page can hydrate. Without patches/@remix-run+dev (applied
// by postinstall), every set of pages importing the same `.server` module got a chunk holding only
// `module.exports = {}`; without `"sideEffects": false` in package.json, a module whose code the browser does not
// use still left an empty chunk behind. The lesson page loaded nine such scripts.
test("no page loads an empty chunk or an empty stand-in for server code", () => {
  const empty = builtScripts().filter(({ code }) => code.trim() === "" || /exports=\{\}\}\)/.test(code));
  // What remains are the modules of routes with no page (ping, logout...), which the browser never loads.
  const loaded = empty.filter(({ name, code }) => !name.startsWith("routes/") || code.length > 200).map(({ name }) => name);
  expect(loaded).toEqual([]);
});

test("assets come precompressed with brotli and cached for good; pages come compressed", async () => {
  await startServer(3245);
  const page = await fetch("http://localhost:3245/login", { headers: { "Accept-Encoding": "gzip" } });
  expect(page.headers.get("content-encoding")).toBe("gzip");
  const html = await page.text();
  // The page's largest script (tiny ones are not worth compressing, so they have no .br copy).
  const script = [...html.matchAll(/\/build\/_shared\/chunk-[A-Z0-9]+\.js/g)]
    .map((match) => match[0])
    .sort((a, b) => fs.statSync(path.join("public", b)).size - fs.statSync(path.join("public", a)).size)[0];
  expect(script, html).toBeTruthy();
  const file = fs.readFileSync(path.join("public", script!));
  const asset = await fetch(`http://localhost:3245${script}`, { headers: { "Accept-Encoding": "gzip, deflate, br" } });
  expect(asset.headers.get("content-encoding")).toBe("br");
  expect(asset.headers.get("content-type")).toMatch(/javascript/);
  expect(asset.headers.get("vary")).toMatch(/Accept-Encoding/);
  expect(asset.headers.get("cache-control")).toContain("immutable");
  // Only what a script uses: the page's rules (CSP, framing, referrer) and revalidation headers are not sent.
  expect(asset.headers.get("x-content-type-options")).toBe("nosniff");
  for (const pageOnly of ["content-security-policy", "x-frame-options", "referrer-policy", "permissions-policy", "etag", "last-modified"]) {
    expect(asset.headers.get(pageOnly), pageOnly).toBeNull();
  }
  expect(page.headers.get("content-security-policy")).toContain("script-src 'self' 'nonce-");
  const missing = await fetch("http://localhost:3245/build/_shared/chunk-NOSUCHCHUNK.js");
  expect(missing.status).toBe(404);
  expect(missing.headers.get("content-security-policy")).toContain("default-src 'self'");
  expect(Buffer.from(await asset.arrayBuffer()).equals(file)).toBe(true); // fetch decodes brotli
  const plain = await fetch(`http://localhost:3245${script}`, { headers: { "Accept-Encoding": "identity" } });
  expect(plain.headers.get("content-encoding")).toBeNull();
  expect(Buffer.from(await plain.arrayBuffer()).equals(file)).toBe(true);
});

// Last in the file: it drops this file's database.
test.skipIf(!isPostgresUrl(process.env.DATABASE_URL ?? ""))("the health check answers 503 when the database stops answering", async () => {
  await startServer(3403);
  expect((await fetch("http://localhost:3403/healthz")).status).toBe(200);
  const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  await withAdmin((client) => client.query(`DROP DATABASE "${database}" WITH (FORCE)`));
  const response = await fetch("http://localhost:3403/healthz");
  expect(response.status).toBe(503);
});
