// Calling loaders and actions directly, as Remix would, with a session for a fresh user of any role.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
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

/** The folder of route modules; a test there imports a file of routeFiles() as `./${file}`. */
export const ROUTES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "../app/routes");

/** Route files as Remix finds them: modules in app/routes, and a folder's route.tsx; never tests. Sorted. */
export function routeFiles(): string[] {
  return readdirSync(ROUTES_DIR)
    .flatMap((name) => {
      if (!statSync(path.join(ROUTES_DIR, name)).isDirectory()) return [name];
      return readdirSync(path.join(ROUTES_DIR, name))
        .filter((inner) => /^route\.tsx?$/.test(inner))
        .map((inner) => `${name}/${inner}`);
    })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .sort();
}
