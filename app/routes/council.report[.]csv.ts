import type { LoaderFunctionArgs } from "@remix-run/node";
import { wordsOf } from "~/i18n/i18n.server";
import { auditReport } from "~/reports/audit.server";
import { councilReport, councilReportCsv } from "~/reports/council-report.server";
import { reportQuery } from "~/reports/filters";
import { municipalYearOf } from "~/requirements/rules";
import { notFound, requireCouncilOfficer } from "~/utils/auth.server";
import { csvResponse } from "~/utils/csv.server";
import { requestOrigin } from "~/utils/request.server";
import { reportFilterSchema } from "~/utils/schemas.server";
import { ukToday } from "~/utils/uk-time";

// The training report's rows as a spreadsheet, with the page's filters (its link passes them on).
export async function loader(args: LoaderFunctionArgs) {
  const { officer, councilId } = requireCouncilOfficer(args, "council:view-reports");
  const language = args.context.language;
  const filters = reportFilterSchema(municipalYearOf(ukToday())).parse(Object.fromEntries(new URL(args.request.url).searchParams));
  const report = await councilReport({ councilId, language, filters });
  if (!report) throw notFound(wordsOf(language, "council")("report.notFound"));
  await auditReport({ type: "report-exported", actorId: officer.id, councilName: report.council.name, report: "training report CSV", query: reportQuery(filters) }, requestOrigin(args));
  const filename = `${wordsOf(language, "council")("report.filename")}-${filters.year}-${filters.year + 1}.csv`;
  return csvResponse(councilReportCsv(report, language), filename);
}
