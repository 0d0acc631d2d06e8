// Who may use each route, declared for every route file: the sweep below finds the route files in this
// folder and fails on one the table does not declare, so a new page cannot be added without saying who
// may use it. Each declaration is checked by calling the loader (GET) and the action (POST) as Remix
// would, for a signed-out visitor and for each role. (Remix ignores *.test.* files in app/routes.)
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { expect, test } from "vitest";
import { createCouncil, createCourse, createUser } from "../../tests/factories";
import { argsFor, contextFor, outcomeOf, routeFiles } from "../../tests/route-helpers";
import { findModule } from "~/content/content.server";
import { db } from "~/utils/db.server";
import { readSession, startSession } from "~/utils/session.server";
import * as council from "./council._index";
import * as staffCourse from "./staff.courses.$courseId._index";
import * as staffUser from "./staff.users.$userId";

/**
 * - allowed: the page is shown or the form is handled (a refusal of what was typed counts: the visitor got in)
 * - sign-in: sent to sign in and back (`/login?redirectTo=…`)
 * - home: sent to the home page (pages for people who are not signed in)
 * - 403, 404: the error page with that status
 */
type Access = "allowed" | "sign-in" | "home" | 403 | 404;
type Visitor = "anonymous" | "councillor" | "officer" | "staff";
type Declared = Record<Visitor, Access>;

const everyone: Declared = { anonymous: "allowed", councillor: "allowed", officer: "allowed", staff: "allowed" };
const signedIn: Declared = { anonymous: "sign-in", councillor: "allowed", officer: "allowed", staff: "allowed" };
const signedOut: Declared = { anonymous: "allowed", councillor: "home", officer: "home", staff: "home" };
const staffOnly: Declared = { anonymous: "sign-in", councillor: 403, officer: 403, staff: "allowed" };
const officersOnly: Declared = { anonymous: "sign-in", councillor: 403, officer: "allowed", staff: 403 };
const councillorsOnly: Declared = { anonymous: "sign-in", councillor: "allowed", officer: 403, staff: 403 };
/** Who may book scheduled courses (each course then says whether it is for councillors, officers or both) */
const bookers: Declared = { anonymous: "sign-in", councillor: "allowed", officer: "allowed", staff: 403 };
/** A booking or booking's file the visitor does not have: 404 for those who may book */
const bookersNoSuch: Declared = { anonymous: "sign-in", councillor: 404, officer: 404, staff: 403 };

/** For each route file: who may GET it, and who may POST to it when that differs (routes with an action). */
const ROUTES: Record<string, { get: Declared; post?: Declared }> = {
  "$.tsx": { get: { anonymous: 404, councillor: 404, officer: 404, staff: 404 } },
  "_index.tsx": { get: everyone },
  "accessibility.tsx": { get: everyone },
  "privacy.tsx": { get: everyone },
  "ping.ts": { get: everyone },
  "diagrams.$file.ts": { get: everyone },
  "login.tsx": { get: signedOut },
  "signup.tsx": { get: signedOut },
  "forgot-password.tsx": { get: signedOut },
  "confirm-email._index.tsx": { get: signedOut },
  // links sent by email: anyone holding one may use it, signed in or not
  "confirm-email.$token.tsx": { get: everyone },
  "invitation.$token.tsx": { get: everyone },
  "reset-password.$token.tsx": { get: everyone },
  "verify._index.tsx": { get: everyone },
  // public; the code asked for here does not exist, which is a 404 for anyone
  "verify.$code.tsx": { get: { anonymous: 404, councillor: 404, officer: 404, staff: 404 } },
  "logout.tsx": { get: { anonymous: "home", councillor: "home", officer: "home", staff: "home" }, post: signedIn },
  "language.tsx": { get: { anonymous: "home", councillor: "home", officer: "home", staff: "home" }, post: everyone },
  "account._index.tsx": { get: signedIn },
  "account.profile.tsx": { get: signedIn },
  "account.password.tsx": { get: signedIn },
  "account.councils.tsx": { get: councillorsOnly },
  "account.calendar.tsx": { get: bookers },
  "account.reminders.tsx": { get: signedIn },
  // public: calendar apps cannot sign in, the secret is the key; an unknown secret is a 404 for anyone
  "calendar.$secret[.]ics.ts": { get: { anonymous: 404, councillor: 404, officer: 404, staff: 404 } },
  "council._index.tsx": { get: officersOnly },
  "council.left.tsx": { get: officersOnly },
  "council.committees.tsx": { get: officersOnly },
  "council.members.$membershipId.tsx": { get: officersOnly },
  "council.upload.tsx": { get: officersOnly },
  "council.bookings.tsx": { get: officersOnly },
  "council.requirements._index.tsx": { get: officersOnly },
  "council.requirements.new.tsx": { get: officersOnly },
  "council.settings.tsx": { get: officersOnly },
  "council.reviews.tsx": { get: officersOnly },
  "council.members.$membershipId_.review.tsx": { get: officersOnly },
  // an empty form names no exemption to withdraw: 404 for the officer
  "council.requirements.$requirementId._index.tsx": { get: officersOnly, post: { anonymous: "sign-in", councillor: 403, officer: 404, staff: 403 } },
  "council.requirements.$requirementId.exempt.$membershipId.tsx": { get: officersOnly },
  "council.committees_.$committeeId.tsx": { get: officersOnly },
  "council.members.$membershipId_.training.tsx": { get: officersOnly },
  "council.report.tsx": { get: officersOnly },
  "council.committees_.readiness.tsx": { get: officersOnly },
  "council.members.$membershipId_.record.tsx": { get: officersOnly },
  "council.report[.]csv.ts": { get: officersOnly },
  // a document that is not there (or not theirs) is a 404 for anyone signed in
  "evidence.$fileId.ts": { get: { anonymous: "sign-in", councillor: 404, officer: 404, staff: 404 } },
  "courses._index.tsx": { get: bookers },
  "courses.$courseId.tsx": { get: bookers },
  "courses.$courseId.calendar[.]ics.ts": { get: bookersNoSuch },
  // feedback after a course: the page says why a delegate who did not attend cannot give it
  "courses.$courseId_.feedback.tsx": { get: bookers },
  // an offer's accept and decline pages, for a booking that is not the visitor's
  "bookings.$bookingId.$answer.tsx": { get: bookersNoSuch },
  // asked without the other account (?with=), there is nothing to merge: 404 for the officer
  "council.members.$membershipId_.merge.tsx": { get: { anonymous: "sign-in", councillor: 403, officer: 404, staff: 403 }, post: officersOnly },
  "change-email.$token.tsx": { get: everyone },
  "modules._index.tsx": { get: signedIn },
  "modules.$moduleId._index.tsx": { get: signedIn, post: councillorsOnly },
  "modules.$moduleId.lessons.$lessonSlug.tsx": { get: signedIn, post: councillorsOnly },
  "modules.$moduleId.check.tsx": { get: councillorsOnly },
  // a councillor who has not completed the module has no certificate: 404 (learning-routes.test.ts has one who has)
  "modules.$moduleId.certificate.tsx": { get: { anonymous: "sign-in", councillor: 404, officer: 403, staff: 403 } },
  "staff.users._index.tsx": { get: staffOnly },
  "staff.users.new.tsx": { get: staffOnly },
  "staff.users.$userId.tsx": { get: staffOnly },
  "staff.outbox.tsx": { get: staffOnly },
  "staff.audit.tsx": { get: staffOnly },
  "staff.courses._index.tsx": { get: staffOnly },
  "staff.courses.new.tsx": { get: staffOnly },
  "staff.courses.$courseId._index.tsx": { get: staffOnly },
  "staff.courses.$courseId.edit.tsx": { get: staffOnly },
  "staff.courses.$courseId.register.tsx": { get: staffOnly },
  "staff.courses.$courseId.sign-in-sheet.tsx": { get: staffOnly },
  "staff.courses.$courseId.delegates[.]csv.ts": { get: staffOnly },
  "staff.reports.tsx": { get: staffOnly },
  "staff.reports[.]csv.ts": { get: staffOnly },
};

type RouteModule = { loader?: (args: LoaderFunctionArgs) => unknown; action?: (args: ActionFunctionArgs) => unknown };


/**
 * The URL pattern a flat route file answers, e.g. "modules.$moduleId._index.tsx" → "/modules/:moduleId"; a dot
 * in brackets is part of its segment ("delegates[.]csv.ts" → "delegates.csv").
 */
function patternOf(file: string) {
  const segments = file
    .replace(/(\/route)?\.tsx?$/, "")
    .split(/\.(?![^[]*\])/)
    .filter((segment) => segment !== "_index")
    // a trailing _ only takes the route out of its parent's layout (council.members.$membershipId_.merge)
    .map((segment) => segment.replace(/_$/, "").replace(/\[([^\]]*)\]/g, "$1"));
  return `/${segments.map((segment) => (segment === "$" ? "no-such-page" : segment.replace(/^\$/, ":"))).join("/")}`;
}

async function accessOf(run: () => unknown): Promise<{ access: Access; location?: string }> {
  const result = await outcomeOf(run);
  const status = result instanceof Response ? result.status : (result as { init?: { status?: number } } | null)?.init?.status;
  if (result instanceof Response && status === 302) {
    const location = result.headers.get("Location") ?? "";
    if (location.startsWith("/login?redirectTo=")) return { access: "sign-in", location };
    if (location === "/") return { access: "home" };
  }
  if (status === 403 || status === 404) return { access: status };
  if (result instanceof Error) throw result;
  return { access: "allowed" };
}

test("every route file declares who may use it", () => {
  const files = routeFiles();
  expect(files.length).toBeGreaterThan(20);
  expect(files.filter((file) => !(file in ROUTES)), "route files with no declared access").toEqual([]);
  expect(Object.keys(ROUTES).filter((file) => !files.includes(file)), "declarations for files that are gone").toEqual([]);
});

test("each route gives each visitor the access its declaration says, from its loader and its action", async () => {
  const council = await createCouncil();
  const target = await createUser({ councilId: council.id });
  const lesson = findModule("prevent-duty", "en")!.lessons[0]!;
  const course = await createCourse();
  const committee = await db.committee.create({ data: { councilId: council.id, name: "Planning committee" } });
  const requirement = await db.requirement.create({
    data: { councilId: council.id, moduleId: "prevent-duty", audience: "all", dueRule: "after-election", dueWithinDays: 60, createdById: target.id },
  });
  const params: Record<string, string> = {
    requirementId: requirement.id,
    committeeId: committee.id,
    fileId: "no-such-file",
    courseId: course.id,
    bookingId: "no-such-booking",
    answer: "accept",
    moduleId: "prevent-duty",
    lessonSlug: lesson.slug,
    userId: target.id,
    membershipId: target.membershipId!,
    token: "not-a-real-token",
    secret: "not-a-real-secret",
    code: "NOTA-REAL-CODE-0000",
    file: "seven-principles.svg",
  };
  const visitors: Record<Visitor, Awaited<ReturnType<typeof contextFor>>> = {
    anonymous: await contextFor(null),
    councillor: await contextFor("councillor", council.id),
    officer: await contextFor("officer", council.id),
    staff: await contextFor("staff"),
  };
  let checked = 0;
  for (const file of routeFiles()) {
    const declared = ROUTES[file];
    if (!declared) continue; // the test above names it
    const module = (await import(`./${file}`)) as RouteModule;
    const url = patternOf(file).replace(/:(\w+)/g, (_, name: string) => params[name]!);
    for (const [visitor, context] of Object.entries(visitors) as [Visitor, (typeof visitors)[Visitor]][]) {
      const checks: [string, Access, () => unknown][] = [];
      if (module.loader) checks.push(["GET", declared.get[visitor], () => module.loader!(argsFor(url, context, { params }))]);
      if (module.action) {
        const expected = (declared.post ?? declared.get)[visitor];
        // a refused visitor posts a form that would change something if it got through; the others an empty one
        const form: Record<string, string> = expected === "allowed" || expected === 404 ? {} : { intent: "deactivate" };
        checks.push(["POST", expected, () => module.action!(argsFor(url, context, { method: "POST", params, form }))]);
      }
      for (const [method, expected, run] of checks) {
        const { access, location } = await accessOf(run);
        expect(access, `${method} ${url} (${file}) as ${visitor}`).toBe(expected);
        if (access === "sign-in") expect(location).toBe(`/login?redirectTo=${encodeURIComponent(url)}`);
        checked++;
      }
    }
  }
  expect(checked).toBeGreaterThan(4 * Object.keys(ROUTES).length);
  // Nothing a refused visitor posted was done to the account it named.
  expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).deactivatedAt).toBeNull();
  expect(await db.auditEvent.count({ where: { userId: target.id } })).toBe(0);
});

test("a council officer sees only their own council's members, whatever council the address asks for", async () => {
  const own = await createCouncil();
  const other = await createCouncil();
  const mine = await createUser({ councilId: own.id, name: "Aled Morgan" });
  const theirs = await createUser({ councilId: other.id, name: "Beth Jones" });
  const context = await contextFor("officer", own.id);

  const result = (await council.loader(argsFor(`/council?councilId=${other.id}&council=${other.id}`, context, { params: { councilId: other.id } }))) as Awaited<
    ReturnType<typeof council.loader>
  >;
  expect(result.council.id).toBe(own.id);
  expect(result.members.map((member) => member.user.id)).toEqual([mine.id]);
  expect(result.members.map((member) => member.user.id)).not.toContain(theirs.id);
});

test("an officer moved to another council by staff sees the new council's members on their next request", async () => {
  const first = await createCouncil();
  const second = await createCouncil();
  const firstMember = await createUser({ councilId: first.id });
  const secondMember = await createUser({ councilId: second.id });
  const officer = await createUser({ role: "officer", councilId: first.id, password: null });
  const cookie = await startSession(officer.id);
  await db.user.update({ where: { id: officer.id }, data: { councilId: second.id } });

  const session = await readSession(cookie);
  const context = { user: session.user, sessionId: session.sessionId, language: "en" as const, cspNonce: "", clientIp: "127.0.0.1" };
  const result = (await council.loader(argsFor("/council", context))) as Awaited<ReturnType<typeof council.loader>>;
  expect(result.members.map((member) => member.user.id)).toEqual([secondMember.id]);
  expect(result.members.map((member) => member.user.id)).not.toContain(firstMember.id);
});

test("the staff account page deactivates an account when staff ask, and refuses it to anyone else", async () => {
  const target = await createUser();
  const officer = await contextFor("officer", target.councilId!);
  const refused = await accessOf(() =>
    staffUser.action(argsFor(`/staff/users/${target.id}`, officer, { method: "POST", params: { userId: target.id }, form: { intent: "deactivate" } })),
  );
  expect(refused.access).toBe(403);
  expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).deactivatedAt).toBeNull();

  const staff = await contextFor("staff");
  const response = await outcomeOf(() =>
    staffUser.action(argsFor(`/staff/users/${target.id}`, staff, { method: "POST", params: { userId: target.id }, form: { intent: "deactivate" } })),
  );
  expect((response as Response).status).toBe(302);
  expect((response as Response).headers.get("Location")).toBe(`/staff/users/${target.id}`);
  expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).deactivatedAt).toBeInstanceOf(Date);
});

test("a course's staff page cancels the course when staff ask, and refuses it to councillors and officers", async () => {
  const council = await createCouncil();
  const course = await createCourse();
  const cancel = (context: Awaited<ReturnType<typeof contextFor>>) =>
    outcomeOf(() =>
      staffCourse.action(argsFor(`/staff/courses/${course.id}`, context, { method: "POST", params: { courseId: course.id }, form: { intent: "cancel", confirm: "yes" } })),
    );
  for (const role of ["councillor", "officer"] as const) {
    expect(((await cancel(await contextFor(role, council.id))) as Response).status, role).toBe(403);
  }
  expect((await db.course.findUniqueOrThrow({ where: { id: course.id } })).status).toBe("published");

  const response = (await cancel(await contextFor("staff"))) as Response;
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe(`/staff/courses/${course.id}`);
  expect((await db.course.findUniqueOrThrow({ where: { id: course.id } })).status).toBe("cancelled");
});
