import type { LoaderFunctionArgs } from "@remix-run/node";
import { translatorFor } from "~/i18n/i18n.server";
import { evidenceFor } from "~/requirements/evidence.server";
import { notFound, requireUser } from "~/utils/auth.server";
import { requestOrigin } from "~/utils/request.server";

// A document kept as evidence, for its council's officers and the member it is about (evidenceFor decides and
// audits an officer's viewing). Always a download, in a sandbox: a file is never run as a page of this site.
export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const file = await evidenceFor({ fileId: args.params.fileId ?? "", viewer: user }, requestOrigin(args));
  if (!file) throw notFound(translatorFor(args.context.language)("council:evidenceNotFound"));
  return new Response(file.content, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.name.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "Content-Security-Policy": "sandbox",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
