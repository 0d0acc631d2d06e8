import { expect, test } from "vitest";
import { createCouncil, createUser } from "../../tests/factories";
import { forbidden, getUser, requireAnonymous, requireCouncilAccess, requirePermission, requireRole, requireUser } from "./auth.server";
import { readSession, startSession } from "./session.server";

type Role = "councillor" | "officer" | "staff";

/** What the server hands a loader: the user comes from a real session cookie, read back from the database. */
async function signedIn(role: Role, councilId?: string, path = "/x") {
  const user = await createUser({ role, councilId });
  const session = await readSession(await startSession(user.id));
  if (!session.user) throw new Error("session did not work");
  return {
    user,
    args: { request: new Request(`http://localhost${path}`), context: { user: session.user, sessionId: session.sessionId, language: "en" as const, cspNonce: "", clientIp: "127.0.0.1" } },
  };
}

function signedOut(path = "/x") {
  return { request: new Request(`http://localhost${path}`), context: { user: null, sessionId: null, language: "en" as const, cspNonce: "", clientIp: "127.0.0.1" } };
}

/** Runs a check that is expected to refuse, and returns the Response it threw. */
function refusal(check: () => unknown): Response {
  try {
    check();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
  throw new Error("expected the check to refuse");
}

test("a signed-out visitor is sent to sign in and brought back to the page they asked for", () => {
  const response = refusal(() => requireUser(signedOut("/staff/users?q=smith&page=2")));
  expect(response.status).toBe(302);
  const location = response.headers.get("Location")!;
  expect(location).toBe(`/login?redirectTo=${encodeURIComponent("/staff/users?q=smith&page=2")}`);
  expect(new URL(location, "http://localhost").searchParams.get("redirectTo")).toBe("/staff/users?q=smith&page=2");
});

test("a signed-out visitor to the home page is sent to sign in without a way back", () => {
  expect(refusal(() => requireUser(signedOut("/"))).headers.get("Location")).toBe("/login");
});

test("a signed-in user passes requireUser as themselves", async () => {
  const { user, args } = await signedIn("councillor");
  expect(requireUser(args).id).toBe(user.id);
  expect(getUser(args)?.id).toBe(user.id);
  expect(getUser(signedOut())).toBeNull();
});

test("the wrong role gets 403 Forbidden, not a redirect", async () => {
  const { args } = await signedIn("councillor");
  const response = refusal(() => requirePermission(args, "users:manage"));
  expect(response.status).toBe(403);
  expect(response.headers.get("Location")).toBeNull();
  expect(refusal(() => requireRole(args, "staff", "officer")).status).toBe(403);
});

test("an officer may see council members but not manage accounts; staff may manage accounts", async () => {
  const officer = await signedIn("officer");
  expect(requirePermission(officer.args, "council:view-members").id).toBe(officer.user.id);
  expect(refusal(() => requirePermission(officer.args, "users:manage")).status).toBe(403);
  expect(refusal(() => requirePermission(officer.args, "audit:view")).status).toBe(403);

  const staff = await signedIn("staff");
  expect(requirePermission(staff.args, "users:manage").id).toBe(staff.user.id);
  expect(requireRole(staff.args, "staff").id).toBe(staff.user.id);
});

test("a permission check on a signed-out visitor sends them to sign in", () => {
  const response = refusal(() => requirePermission(signedOut("/staff/audit"), "audit:view"));
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fstaff%2Faudit");
});

test("staff can open any council; an officer only their own", async () => {
  const own = await createCouncil();
  const other = await createCouncil();
  const officer = await signedIn("officer", own.id);
  expect(requireCouncilAccess(officer.args, own.id)).toEqual({ user: expect.objectContaining({ id: officer.user.id }), councilId: own.id });
  expect(refusal(() => requireCouncilAccess(officer.args, other.id)).status).toBe(403);

  const councillor = await signedIn("councillor", own.id);
  expect(refusal(() => requireCouncilAccess(councillor.args, other.id)).status).toBe(403);

  const staff = await signedIn("staff");
  expect(requireCouncilAccess(staff.args, own.id).councilId).toBe(own.id);
  expect(requireCouncilAccess(staff.args, other.id).councilId).toBe(other.id);

  expect(refusal(() => requireCouncilAccess(signedOut(), own.id)).status).toBe(302);
});

test("signed-in people are sent home from the sign-in and sign-up pages", async () => {
  const { args } = await signedIn("councillor");
  const response = refusal(() => requireAnonymous(args));
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe("/");
  expect(() => requireAnonymous(signedOut())).not.toThrow();
});

test("the forbidden page says so in words", async () => {
  const response = forbidden();
  expect(response.status).toBe(403);
  expect(await response.text()).toMatch(/permission/);
});
