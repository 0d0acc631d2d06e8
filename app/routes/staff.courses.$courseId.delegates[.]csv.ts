import type { LoaderFunctionArgs } from "@remix-run/node";
import { delegatesCsv } from "~/courses/delegates.server";
import { translatorFor } from "~/i18n/i18n.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { csvResponse } from "~/utils/csv.server";
import { requestOrigin } from "~/utils/request.server";

// The course's people as a spreadsheet. Their needs leave the service in it: delegatesCsv audits each export.
export async function loader(args: LoaderFunctionArgs) {
  const staff = requirePermission(args, "courses:manage");
  const exported = await delegatesCsv({ courseId: args.params.courseId ?? "", actorId: staff.id, language: args.context.language }, requestOrigin(args));
  if (!exported) throw notFound(translatorFor(args.context.language)("staff:courses.notFound"));
  return csvResponse(exported.csv, exported.filename);
}
