import path from "node:path";
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT || 3210);
// The server and the tests share one SQLite file: tests arrange their own data through the models.
const E2E_DATABASE = path.resolve(`tests/.db/e2e-${PORT}.db`);
process.env.DATABASE_URL = `file:${E2E_DATABASE}`;
// The Nu HTML checker runs as a service for the whole run (tests/setup/html-checker.ts), on its own port
// so that runs on other ports do not share it.
process.env.VNU_URL ??= `http://127.0.0.1:${Number(process.env.VNU_PORT || PORT + 2000)}`;
// The server runs in production mode: the tests' own session helpers must name the cookie as it does.
process.env.SECURE_COOKIES = "true";

export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "tests/setup/html-checker.ts",
  // Journeys go through axe and the Java HTML checker page by page, two workers on a 2-CPU machine
  timeout: 60_000,
  expect: { timeout: 7_000 },
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: `mkdir -p tests/.db && rm -f ${E2E_DATABASE}* && npm run -s build:if-needed && node --import tsx app/server/main.ts`,
    url: `http://localhost:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_URL: `file:${E2E_DATABASE}`,
      NODE_ENV: "production",
      SESSION_SECRET: "e2e-session-secret",
      APP_URL: `http://localhost:${PORT}`,
      CONTENT_CACHE_DIR: `tests/.db/content-cache-${PORT}`,
      // One server process unless asked: the browser tests share two CPUs with everything else.
      WEB_CONCURRENCY: process.env.WEB_CONCURRENCY || "1",
      // One proxy in front, as in production: a test can then come from an address of its own
      // (X-Forwarded-For) and over HTTPS (X-Forwarded-Proto) without a TLS server.
      TRUST_PROXY: "1",
      // Every browser here comes from one address and the suite asks for more mail than one network
      // would in an hour; the limit itself is tested in app/models/mail-limit.server.test.ts.
      MAIL_PER_CLIENT_ADDRESS: "100000",
    },
  },
});
