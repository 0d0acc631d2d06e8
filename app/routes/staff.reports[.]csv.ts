import type { LoaderFunctionArgs } from "@remix-run/node";
import { wordsOf } from "~/i18n/i18n.server";
import { auditReport } from "~/reports/audit.server";
import { nationalCsv } from "~/reports/national.server";
import { requirePermission } from "~/utils/auth.server";
import { csvResponse } from "~/utils/csv.server";
import { requestOrigin } from "~/utils/request.server";
import { askedMunicipalYear } from "~/utils/schemas.server";

// The national figures for each council as a spreadsheet, streamed council by council (memory stays flat).
export async function loader(args: LoaderFunctionArgs) {
  const staff = requirePermission(args, "reports:national");
  const language = args.context.language;
  const year = askedMunicipalYear(args.request);
  await auditReport({ type: "report-exported", actorId: staff.id, councilName: "All councils", report: "national picture CSV", query: `year=${year}` }, requestOrigin(args));
  return csvResponse(nationalCsv({ year, language }), `${wordsOf(language, "staff")("reports.filename")}-${year}-${year + 1}.csv`);
}
