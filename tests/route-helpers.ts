// Calling loaders and actions directly, as Remix would, with a session for a fresh user of any role.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readSession, startSession } from "~/utils/session.server";
import type { Role } from "~/utils/permissions";
import { createUser } from "./factories";

type Context = LoaderFunctionArgs["context"];

export async function contextFor(role: Role | null, councilId?: string): Promise<Context> {
  if (!role) return { user: null, sessionId: null, language: "en" as const, cspNonce: "", clientIp: "127.0.0.1" };
  // No password needed: the session is what the server checks.
  const user = await createUser({ role, councilId, password: null });
  const session = await readSession(await startSession(user.id));
  return { user: session.user, sessionId: session.sessionId, language: "en" as const, cspNonce: "", clientIp: "127.0.0.1" };
}

export function argsFor(
  path: string,
  context: Context,
  { method = "GET", params = {} as Record<string, string>, form = {} as Record<string, string> } = {},
) {
  const url = `http://localhost${path}`;
  const request = method === "GET" ? new Request(url) : new Request(url, { method, body: new URLSearchParams(form) });
  return { request, params, context };
}

/** Calls a loader or action and returns what it threw or returned, as a Response when it is one. */
export async function outcomeOf(run: () => unknown): Promise<unknown> {
  try {
    return await run();
  } catch (thrown) {
    return thrown;
  }
}
