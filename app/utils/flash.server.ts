// One-time messages shown after a redirect ("Your password has been changed").
import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import { secureCookies } from "./session.server";

// Set SESSION_SECRET when several processes serve the app; otherwise each process signs with its own.
const secret = process.env.SESSION_SECRET || randomBytes(32).toString("hex");

const flashStorage = createCookieSessionStorage({
  cookie: { name: "le_flash", httpOnly: true, sameSite: "lax", secure: secureCookies, path: "/", secrets: [secret] },
});

export async function getFlash(request: Request): Promise<{ message: string | null; setCookie: string | null }> {
  const session = await flashStorage.getSession(request.headers.get("Cookie"));
  const message = session.get("message");
  if (typeof message !== "string") return { message: null, setCookie: null };
  return { message, setCookie: await flashStorage.commitSession(session) };
}

/** Redirects with a message for the next page; extra Set-Cookie headers (a session) go along. */
export async function redirectWithFlash(to: string, message: string, ...setCookies: string[]) {
  const session = await flashStorage.getSession();
  session.flash("message", message);
  const headers = new Headers();
  for (const cookie of [...setCookies, await flashStorage.commitSession(session)]) headers.append("Set-Cookie", cookie);
  return redirect(to, { headers });
}
