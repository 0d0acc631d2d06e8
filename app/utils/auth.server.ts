// The one-line checks every loader and action starts with. The server validated the session cookie
// once for this request (app/server/index.ts); these read the result from the load context.
import { redirect, type AppLoadContext } from "@remix-run/node";
import { can, type Permission, type Role } from "./permissions";
import type { SessionUser } from "./session.server";

type Args = { request: Request; context: AppLoadContext };

export function getUser({ context }: Args): SessionUser | null {
  return context.user;
}

/** Signed-in users only: others go to sign in and come back afterwards. */
export function requireUser({ request, context }: Args): SessionUser {
  if (context.user) return context.user;
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  throw redirect(`/login${back === "/" ? "" : `?redirectTo=${encodeURIComponent(back)}`}`);
}

/** Pages for signed-out people (sign in, create account): the signed-in go home. */
export function requireAnonymous({ context }: Args): void {
  if (context.user) throw redirect("/");
}

export function requireRole(args: Args, ...roles: Role[]): SessionUser {
  const user = requireUser(args);
  if (!(roles as string[]).includes(user.role)) throw forbidden();
  return user;
}

export function requirePermission(args: Args, permission: Permission): SessionUser {
  const user = requireUser(args);
  if (!can(user, permission)) throw forbidden();
  return user;
}

/** Staff may see any council; an officer or councillor only their own. Returns the council id to scope queries by. */
export function requireCouncilAccess(args: Args, councilId: string): { user: SessionUser; councilId: string } {
  const user = requireUser(args);
  if (user.role !== "staff" && user.councilId !== councilId) throw forbidden();
  return { user, councilId };
}

/**
 * A council officer, for their own council's pages: the council comes from their account, never from the
 * address, so an officer cannot ask for another council's members.
 */
export function requireCouncilOfficer(args: Args, permission: Extract<Permission, `council:${string}`>): { officer: SessionUser; councilId: string } {
  const officer = requirePermission(args, permission);
  if (!officer.councilId) throw forbidden();
  return { officer, councilId: officer.councilId };
}

/** Thrown when a signed-in person's role does not allow the page: the error boundary shows the message. */
export function forbidden() {
  return new Response("Your account does not have permission to see this page.", { status: 403 });
}

/** Thrown when what the address names does not exist: say what is missing, for the error page to show. */
export function notFound(message: string) {
  return new Response(message, { status: 404 });
}
