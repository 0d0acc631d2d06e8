// Reports in the audit log: the council report, a member's record, committee readiness and the national
// picture each record every look and every export through this one function.
import { recordAudit, type RequestOrigin } from "~/models/audit.server";

/** Every look at a report and every export goes in the audit log: who, which council, which filters. */
export async function auditReport(
  { type, actorId, councilName, report, query }: { type: "report-viewed" | "report-exported"; actorId: string; councilName: string; report: string; query: string },
  origin: RequestOrigin,
) {
  await recordAudit({ type, actorId, detail: `${councilName}: ${report}${query ? ` (${query})` : ""}` }, origin);
}
