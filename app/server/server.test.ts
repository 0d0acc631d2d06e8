// The production server as an operator sees it: health check, request log, graceful shutdown.
import { execSync, spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { afterEach, beforeAll, expect, test } from "vitest";
import { isPostgresUrl } from "~/utils/db.server";
import { withAdmin } from "../../tests/setup/databases";

let server: ChildProcess | undefined;
let output = "";

beforeAll(() => {
  // Vitest sets NODE_ENV=test, and `remix build` builds for whatever NODE_ENV says: a "test" build calls
  // React's development-only jsxDEV, which the production server below does not have.
  execSync("npm run -s build:if-needed", { stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } });
}, 120_000);

afterEach(() => {
  server?.kill("SIGKILL");
  server = undefined;
});

async function startServer(port: number) {
  output = "";
  server = spawn(process.execPath, ["--import", "tsx", "app/server/index.ts"], {
    env: { ...process.env, PORT: String(port), NODE_ENV: "production", SEED_DEMO_DATA: "false" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk) => (output += chunk));
  server.stderr!.on("data", (chunk) => (output += chunk));
  for (let i = 0; i < 100; i++) {
    if (output.includes("listening")) return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Server did not start:\n${output}`);
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

test("on SIGTERM the server finishes the request in flight, then exits cleanly", async () => {
  const child = await startServer(3402);
  // Send half a sign-in form, stop the server, then send the rest: the answer must still arrive.
  const body = "email=nobody%40example.org&password=not-the-password";
  const socket = net.connect(3402, "127.0.0.1");
  await new Promise((resolve) => socket.once("connect", resolve));
  let reply = "";
  socket.on("data", (chunk) => (reply += chunk));
  socket.write(
    `POST /login HTTP/1.1\r\nHost: localhost:3402\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
  );
  await new Promise((resolve) => setTimeout(resolve, 200));
  const exit = exited(child);
  child.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 300));
  // New connections are refused while the old one is finishing.
  await expect(fetch("http://localhost:3402/healthz")).rejects.toThrow();
  socket.write(body.slice(10));
  expect(await exit).toBe(0);
  expect(reply, output).toMatch(/^HTTP\/1.1 400/);
  expect(reply).toContain("Enter a correct email address and password");
  expect(output).toContain("Shut down cleanly");
});

test.skipIf(!isPostgresUrl(process.env.DATABASE_URL ?? ""))("the health check answers 503 when the database stops answering", async () => {
  await startServer(3403);
  expect((await fetch("http://localhost:3403/healthz")).status).toBe(200);
  const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  await withAdmin((client) => client.query(`DROP DATABASE "${database}" WITH (FORCE)`));
  const response = await fetch("http://localhost:3403/healthz");
  expect(response.status).toBe(503);
});
