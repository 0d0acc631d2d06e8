// Security middleware: headers with a per-request CSP nonce, refusal of cross-site form posts, and no
// caching of what a signed-in person sees.
import { randomBytes } from "node:crypto";
import type { RequestHandler, Response } from "express";

export const securityHeaders: RequestHandler = (req, res, next) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  // Only over HTTPS (RFC 6797 §7.2): behind a proxy that ends TLS, set TRUST_PROXY so req.secure reads X-Forwarded-Proto.
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
};

/** For the build's scripts and stylesheets: run only as the type they are sent as. */
export const assetHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader("X-Content-Type-Options", "nosniff");
  next();
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses a state-changing request sent from another site (CSRF), on the browser's own word:
 * Sec-Fetch-Site where it is sent, else Origin. Requests with neither (curl, old browsers) pass;
 * the session cookie is SameSite=Lax as a second line.
 */
export const refuseCrossSiteRequests: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const fetchSite = req.get("Sec-Fetch-Site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") {
    return res.status(403).type("text/plain").send("Cross-site request refused.");
  }
  const origin = req.get("Origin");
  if (origin && !allowedOrigins(req).includes(origin)) {
    return res.status(403).type("text/plain").send("Cross-origin request refused.");
  }
  next();
};

function allowedOrigins(req: Parameters<RequestHandler>[0]) {
  const own = `${req.protocol}://${req.get("host")}`;
  return process.env.APP_URL ? [own, new URL(process.env.APP_URL).origin] : [own];
}

/**
 * A signed-in person's pages and data are never stored by the browser or a proxy, so on a shared council
 * computer the back button cannot show them to the next person after sign-out. Set when the headers go
 * out, so a route cannot add caching by mistake; only what a route marks `public` (the same for everyone) is left.
 */
export function noStoreWhenSignedIn(res: Response) {
  if (!res.locals.session?.user) return;
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: Parameters<Response["writeHead"]>) {
    if (!/\bpublic\b/.test(String(this.getHeader("Cache-Control") ?? ""))) this.setHeader("Cache-Control", "no-store");
    return writeHead.apply(this, args);
  } as Response["writeHead"];
}
