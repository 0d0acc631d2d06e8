import type { AppLoadContext } from "@remix-run/node";
import type { RequestOrigin } from "~/models/audit.server";

/** Where a request came from, for the audit log and throttling. */
export function requestOrigin({ request, context }: { request: Request; context: AppLoadContext }): RequestOrigin & { ip: string } {
  return { ip: context.clientIp, userAgent: request.headers.get("User-Agent") };
}

/**
 * The address links in emails point at. Set APP_URL in production: taking it from the request would
 * let a forged Host header send someone a reset link to another site.
 */
export function appUrl(request: Request): string {
  return (process.env.APP_URL || new URL(request.url).origin).replace(/\/$/, "");
}
