// public: a person's private calendar feed. Calendar apps cannot sign in, so the secret in the address is the
// key (app/courses/calendar-feed.server.ts); the request log blanks it (app/server/request-log.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarFeedFor } from "~/courses/calendar-feed.server";

// Never kept by a browser or proxy (the address is all it takes), nor indexed should it leak onto a page.
const PRIVATE = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };

export async function loader({ params }: LoaderFunctionArgs) {
  const feed = await calendarFeedFor(params.secret ?? "");
  // A calendar app reads the status, not words: plain text, the same for an unknown or a turned-off address.
  if (!feed) return new Response("Not found", { status: 404, headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(feed, { headers: { ...PRIVATE, "Content-Type": "text/calendar; charset=utf-8" } });
}
