// Every page that is not public refuses the signed-out and the wrong roles on the server, in its loader
// and its action: hiding a link is not enough. (Remix ignores *.test.* files in app/routes.)
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { expect, test } from "vitest";
import { createCouncil, createUser } from "../../tests/factories";
import { argsFor, contextFor, outcomeOf } from "../../tests/route-helpers";
import { db } from "~/utils/db.server";
import { readSession, startSession } from "~/utils/session.server";
import * as accountIndex from "./account._index";
import * as accountPassword from "./account.password";
import * as accountProfile from "./account.profile";
import * as council from "./council";
import * as moduleCheck from "./modules.$moduleId.check";
import * as modulePage from "./modules.$moduleId._index";
import * as modules from "./modules._index";
import * as staffAudit from "./staff.audit";
import * as staffOutbox from "./staff.outbox";
import * as staffUser from "./staff.users.$userId";
import * as staffUsers from "./staff.users._index";
import * as staffUsersNew from "./staff.users.new";

type Role = "councillor" | "officer" | "staff";
type RouteModule = {
  loader: (args: LoaderFunctionArgs) => unknown;
  action?: (args: ActionFunctionArgs) => unknown;
};

const ROUTES: { path: string; module: RouteModule; allowed: Role[] }[] = [
  { path: "/account", module: accountIndex, allowed: ["councillor", "officer", "staff"] },
  { path: "/account/profile", module: accountProfile, allowed: ["councillor", "officer", "staff"] },
  { path: "/account/password", module: accountPassword, allowed: ["councillor", "officer", "staff"] },
  { path: "/council", module: council, allowed: ["officer"] },
  { path: "/staff/users", module: staffUsers, allowed: ["staff"] },
  { path: "/staff/users/new", module: staffUsersNew, allowed: ["staff"] },
  { path: "/staff/users/:userId", module: staffUser, allowed: ["staff"] },
  { path: "/staff/outbox", module: staffOutbox, allowed: ["staff"] },
  { path: "/staff/audit", module: staffAudit, allowed: ["staff"] },
  { path: "/modules", module: modules, allowed: ["councillor", "officer", "staff"] },
  { path: "/modules/:moduleId", module: modulePage, allowed: ["councillor", "officer", "staff"] },
  // lessons and certificates: app/routes/learning-routes.test.ts
  { path: "/modules/:moduleId/check", module: moduleCheck, allowed: ["councillor"] },
];
const MODULE_ID = "prevent-duty";

async function expectSignInRedirect(run: () => unknown, path: string) {
  const response = await outcomeOf(run);
  expect(response).toBeInstanceOf(Response);
  expect((response as Response).status).toBe(302);
  expect((response as Response).headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
}

async function expectForbidden(run: () => unknown) {
  const response = await outcomeOf(run);
  expect(response).toBeInstanceOf(Response);
  expect((response as Response).status).toBe(403);
}

test("every page that is not public sends a signed-out visitor to sign in, from its loader and its action", async () => {
  const target = await createUser();
  const context = await contextFor(null);
  for (const { path, module } of ROUTES) {
    const url = path.replace(":userId", target.id).replace(":moduleId", MODULE_ID);
    const params = { userId: target.id, moduleId: MODULE_ID };
    await expectSignInRedirect(() => module.loader(argsFor(url, context, { params })), url);
    if (module.action) {
      await expectSignInRedirect(() => module.action!(argsFor(url, context, { method: "POST", params, form: { intent: "deactivate" } })), url);
    }
  }
  // Nothing was done to the account the action named.
  expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).deactivatedAt).toBeNull();
});

test("every page answers 403 Forbidden to a signed-in role without permission, from its loader and its action", async () => {
  const target = await createUser();
  const contexts = { councillor: await contextFor("councillor"), officer: await contextFor("officer"), staff: await contextFor("staff") };
  let refusals = 0;
  for (const { path, module, allowed } of ROUTES) {
    const url = path.replace(":userId", target.id).replace(":moduleId", MODULE_ID);
    const params = { userId: target.id, moduleId: MODULE_ID };
    for (const role of (["councillor", "officer", "staff"] as const).filter((role) => !allowed.includes(role))) {
      await expectForbidden(() => module.loader(argsFor(url, contexts[role], { params })));
      if (module.action) {
        await expectForbidden(() => module.action!(argsFor(url, contexts[role], { method: "POST", params, form: { intent: "deactivate" } })));
      }
      refusals++;
    }
  }
  // Councillors and staff on /council, councillors and officers on each of the five staff pages,
  // officers and staff on the knowledge check.
  expect(refusals).toBe(2 + 5 * 2 + 2);
  expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).deactivatedAt).toBeNull();
  expect(await db.auditEvent.count({ where: { userId: target.id } })).toBe(0);
});

test("every page lets in the roles allowed to use it", async () => {
  const target = await createUser();
  const councilOf = await createCouncil();
  for (const { path, module, allowed } of ROUTES) {
    const url = path.replace(":userId", target.id).replace(":moduleId", MODULE_ID);
    for (const role of allowed) {
      const context = await contextFor(role, role === "staff" ? undefined : councilOf.id);
      const result = await outcomeOf(() => module.loader(argsFor(url, context, { params: { userId: target.id, moduleId: MODULE_ID } })));
      expect(result instanceof Response || result instanceof Error, `${role} on ${url}`).toBe(false);
    }
  }
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
  expect(result.members.map((member) => member.id)).toEqual([mine.id]);
  expect(result.members.map((member) => member.id)).not.toContain(theirs.id);
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
  const context = { user: session.user, sessionId: session.sessionId, cspNonce: "", clientIp: "127.0.0.1" };
  const result = (await council.loader(argsFor("/council", context))) as Awaited<ReturnType<typeof council.loader>>;
  expect(result.members.map((member) => member.id)).toEqual([secondMember.id]);
  expect(result.members.map((member) => member.id)).not.toContain(firstMember.id);
});

test("the staff account page deactivates an account when staff ask, and refuses it to anyone else", async () => {
  const target = await createUser();
  const officer = await contextFor("officer", target.councilId!);
  await expectForbidden(() =>
    staffUser.action(argsFor(`/staff/users/${target.id}`, officer, { method: "POST", params: { userId: target.id }, form: { intent: "deactivate" } })),
  );
  expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).deactivatedAt).toBeNull();

  const staff = await contextFor("staff");
  const response = await outcomeOf(() =>
    staffUser.action(argsFor(`/staff/users/${target.id}`, staff, { method: "POST", params: { userId: target.id }, form: { intent: "deactivate" } })),
  );
  expect((response as Response).status).toBe(302);
  expect((response as Response).headers.get("Location")).toBe(`/staff/users/${target.id}`);
  expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).deactivatedAt).toBeInstanceOf(Date);
});
