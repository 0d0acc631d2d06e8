// Request bodies are checked before Remix reads them (whole, into memory) with request.formData():
// every body must say its length, and that length is limited, small for forms; a route that takes
// uploads declares a larger limit and the types it accepts. Bodies of other types are refused.
// Node's HTTP parser never hands on more bytes than Content-Length says, so checking the header is
// enough to bound what is kept; a chunked body (no length) is refused with 411.
import type { Request, RequestHandler, Response } from "express";

export type BodyRule = {
  /** The path the rule covers (exactly, or as a prefix when it ends in "/"), or a pattern of paths */
  path: string | RegExp;
  /** Largest body accepted, in bytes */
  maxBytes: number;
  /** Content types accepted, without parameters */
  types: string[];
};

/** Every HTML form in the app is URL-encoded; the longest (a 5,000-character reflection) stays well under this. */
export const FORM_BODY_LIMIT = 64 * 1024;
const FORM_TYPES = ["application/x-www-form-urlencoded"];
const NO_BODY = new Set(["GET", "HEAD", "OPTIONS"]);

/** Routes that take uploads add a rule here. */
export const UPLOAD_RULES: BodyRule[] = [
  // A council's members list (app/routes/council.upload.tsx): 2,000 rows of CSV are well under 1 MiB; the
  // checked list comes back as text in an ordinary form.
  { path: "/council/upload", maxBytes: 2 * 1024 * 1024, types: ["multipart/form-data", ...FORM_TYPES] },
  // Evidence for an exemption or for training done elsewhere (app/requirements/evidence.server.ts): a document
  // of up to 5 MB and the form around it. A file over 5 MB but under this limit gets a message by its field.
  { path: /^\/council\/(requirements\/[^/]+\/exempt\/[^/]+|members\/[^/]+\/training)$/, maxBytes: 6 * 1024 * 1024, types: ["multipart/form-data", ...FORM_TYPES] },
];

function ruleFor(path: string, rules: BodyRule[]): Omit<BodyRule, "path"> {
  // With JavaScript, Remix posts a page's form to the page's address with ".data" added (single fetch).
  const page = path.replace(/\.data$/, "");
  const rule = rules.find((r) => (r.path instanceof RegExp ? r.path.test(page) : r.path.endsWith("/") ? page.startsWith(r.path) : page === r.path));
  return rule ?? { maxBytes: FORM_BODY_LIMIT, types: FORM_TYPES };
}

export function limitRequestBodies(rules: BodyRule[] = UPLOAD_RULES): RequestHandler {
  return (req, res, next) => {
    if (NO_BODY.has(req.method)) return next();
    const rule = ruleFor(req.path, rules);
    const length = req.get("Content-Length");
    const chunked = req.get("Transfer-Encoding") !== undefined;
    if (chunked) {
      return refuse(req, res, 411, "Length required", "The request did not say how long it was. Send the form again from the page.");
    }
    const bytes = Number(length ?? 0);
    if (!Number.isSafeInteger(bytes) || bytes < 0) {
      return refuse(req, res, 400, "Bad request", "The request could not be read. Send the form again from the page.");
    }
    if (bytes > rule.maxBytes) {
      return refuse(
        req,
        res,
        413,
        "What you sent is too large",
        `What you sent is larger than this page accepts (${describeBytes(rule.maxBytes)}). Go back, shorten it and send it again.`,
      );
    }
    if (bytes === 0) return next();
    const type = (req.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
    const encoding = (req.get("Content-Encoding") ?? "identity").trim().toLowerCase();
    if (!rule.types.includes(type) || encoding !== "identity") {
      return refuse(req, res, 415, "This page cannot read that", "This page accepts only its own form. Go back and use the form on the page.");
    }
    next();
  };
}

function describeBytes(bytes: number) {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

// After refusing, what is still arriving is dropped (never kept) for a moment, then the connection is
// closed. Closing at once would reset it while the client is still sending, and a reset loses the answer.
const LINGER_MS = 2000;

/** Answers without keeping the body: a plain page, since the app's own error page needs Remix, which would read it. */
function refuse(req: Request, res: Response, status: number, title: string, message: string) {
  const timer = setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
  req.on("end", () => clearTimeout(timer));
  req.resume();
  res.status(status).type("html").send(
    `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title} – Leadership Essentials</title></head>
<body>
<main>
<h1>${title}</h1>
<p>${message}</p>
<p><a href="${req.path.startsWith("/") && !req.path.startsWith("//") ? escapeHtml(req.path) : "/"}">Back to the page</a> · <a href="/">Leadership Essentials home</a></p>
</main>
</body>
</html>`,
  );
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
