// What the Express server (app/server/index.ts) hands every loader and action.
import type { Language } from "~/i18n/config";
import type { SessionUser } from "./session.server";

export type RequestContext = {
  /** The signed-in user, validated once per request by the server; null when signed out */
  user: SessionUser | null;
  sessionId: string | null;
  /** The language this request's page, messages and emails are in (app/i18n/i18n.server.ts languageFor) */
  language: Language;
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
