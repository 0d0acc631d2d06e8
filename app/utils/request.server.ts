import type { AppLoadContext } from "@remix-run/node";
import type { RequestOrigin } from "~/models/audit.server";

/** Where a request came from, for the audit log and throttling. */
export function requestOrigin({ request, context }: { request: Request; context: AppLoadContext }): RequestOrigin & { ip: string } {
  return { ip: context.clientIp, userAgent: request.headers.get("User-Agent") };
}

/**
 * The address links in emails point at: APP_URL, never the request's Host header (a forged Host would
 * send someone a reset link to another site). Without APP_URL, links point at this machine.
 */
export function appUrl(): string {
  return (process.env.APP_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, "");
}
