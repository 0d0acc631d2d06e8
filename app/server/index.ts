// The production server: Express in front of the Remix build. `npm start` runs it through main.ts, which
// prepares the database first and may run several of these processes.
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { JOBS_INTERVAL_MS, runCourseJobs } from "~/courses/jobs.server";
import { runTrainingJobs, TRAINING_JOBS_INTERVAL_MS } from "~/requirements/reminders.server";
import { deliverDueEmails, smtpSender } from "~/models/email.server";
import { db } from "~/utils/db.server";
import { languageFor } from "~/i18n/i18n.server";
import { readSession } from "~/utils/session.server";
import type { RequestContext } from "~/utils/load-context";
import { compressResponses, precompressedAssets } from "./compression";
import { afterResponseWorkDone } from "~/utils/after-response.server";
import { healthCheck } from "./health";
import { limitRequestBodies } from "./request-limits";
import { loggedUrl } from "./request-log";
import { assetHeaders, noStoreWhenSignedIn, refuseCrossSiteRequests, securityHeaders } from "./security";

const port = Number(process.env.PORT || 3000);

const build = (await import(path.resolve("build/index.js"))) as ServerBuild;

const app = express();
app.disable("x-powered-by");
// Behind a load balancer, set TRUST_PROXY to the number of proxies so req.ip is the client's address.
app.set("trust proxy", process.env.TRUST_PROXY ? Number(process.env.TRUST_PROXY) : false);

app.use((req, res, next) => {
  const started = process.hrtime.bigint();
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`${new Date().toISOString()} ${req.method} ${loggedUrl(req.originalUrl)} ${res.statusCode} ${ms.toFixed(1)}ms ${req.ip} pid=${process.pid}`);
  });
  next();
});

app.get("/healthz", healthCheck);

// The build's fingerprinted scripts and stylesheets: cached for good (never revalidated, so no ETag or
// Last-Modified), with only the headers a script or stylesheet uses. The page's CSP, framing and referrer
// rules apply to documents; on the two dozen small scripts of a page they were a tenth of its weight.
const BUILD_FILES = { immutable: true, maxAge: "1y", etag: false, lastModified: false, acceptRanges: false };
app.use("/build", assetHeaders, precompressedAssets("public/build", BUILD_FILES), express.static("public/build", BUILD_FILES));
app.use(securityHeaders);
app.use(compressResponses());
app.use(express.static("public", { maxAge: "1h" }));
app.use(refuseCrossSiteRequests);
app.use(limitRequestBodies());

app.all(
  "*",
  async (req, res, next) => {
    try {
      const session = await readSession(req.headers.cookie);
      if (session.setCookie) res.append("Set-Cookie", session.setCookie);
      res.locals.session = session;
      noStoreWhenSignedIn(res);
      next();
    } catch (error) {
      next(error);
    }
  },
  createRequestHandler({
    build,
    mode: build.mode,
    getLoadContext: async (req, res): Promise<RequestContext> => ({
      user: res.locals.session.user,
      sessionId: res.locals.session.sessionId,
      language: await languageFor(
        { url: req.originalUrl, cookie: req.headers.cookie, acceptLanguage: req.headers["accept-language"] },
        res.locals.session.user?.language,
      ),
      cspNonce: res.locals.cspNonce,
      clientIp: req.ip ?? "unknown",
    }),
  }),
);

const server = app.listen(port, () => {
  console.log(`Leadership Essentials listening on http://localhost:${port}`);
  if (!process.env.APP_URL) console.log(`APP_URL is not set: links in emails will point at http://localhost:${port}`);
});

let mailTimer: NodeJS.Timeout | undefined;
if (process.env.SMTP_URL) {
  const send = smtpSender(process.env.SMTP_URL);
  let running = false;
  mailTimer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const outcome = await deliverDueEmails(send);
      if (outcome.sent || outcome.retrying || outcome.failed) console.log("Email delivery:", JSON.stringify(outcome));
    } catch (error) {
      console.error("Email delivery failed:", error);
    } finally {
      running = false;
    }
  }, 5000);
}

// Offers end on time whoever is online: each process runs the course jobs (safe in several at once).
let jobsRunning = false;
const jobsTimer = setInterval(async () => {
  if (jobsRunning) return;
  jobsRunning = true;
  try {
    const outcome = await runCourseJobs();
    if (outcome.expired || outcome.reminded || outcome.erased || outcome.askedForFeedback) console.log("Course jobs:", JSON.stringify(outcome));
  } catch (error) {
    console.error("Course jobs failed:", error);
  } finally {
    jobsRunning = false;
  }
}, JOBS_INTERVAL_MS);

// Reminders about required training and officers' weekly digests, every quarter of an hour (safe in several processes).
let trainingJobsRunning = false;
const trainingJobsTimer = setInterval(async () => {
  if (trainingJobsRunning) return;
  trainingJobsRunning = true;
  try {
    const outcome = await runTrainingJobs();
    if (outcome.reminders || outcome.digests) console.log("Training jobs:", JSON.stringify(outcome));
  } catch (error) {
    console.error("Training jobs failed:", error);
  } finally {
    trainingJobsRunning = false;
  }
}, TRAINING_JOBS_INTERVAL_MS);

// Stop accepting, let requests in flight finish, then close the database. Once: a worker may get both
// the terminal's SIGINT and its supervisor's SIGTERM.
let shuttingDown = false;
function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`${signal} received: shutting down`);
  clearInterval(mailTimer);
  clearInterval(jobsTimer);
  clearInterval(trainingJobsTimer);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.close(async () => {
    await afterResponseWorkDone();
    await db.$disconnect();
    console.log("Shut down cleanly");
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
