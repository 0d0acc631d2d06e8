// What the Express server (app/server/index.ts) hands every loader and action.
import type { SessionUser } from "./session.server";

export type RequestContext = {
  /** The signed-in user, validated once per request by the server; null when signed out */
  user: SessionUser | null;
  sessionId: string | null;
  /** Per-request nonce for the Content-Security-Policy */
  cspNonce: string;
  clientIp: string;
};

declare module "@remix-run/server-runtime" {
  interface AppLoadContext extends RequestContext {}
  interface Future {
    v3_singleFetch: true;
  }
}
declare module "@remix-run/node" {
  interface AppLoadContext extends RequestContext {}
}
