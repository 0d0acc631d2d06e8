import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CouncilNav } from "~/components/council-nav";
import { PageHeading } from "~/components/page";
import { PrintButton } from "~/components/print-button";
import { ReadinessTable } from "~/components/readiness-table";
import { formatDate } from "~/i18n/format";
import { wordsOf } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import type { RouteWords } from "~/i18n/config";
import { useLanguage } from "~/i18n/use-language";
import { getCouncil } from "~/models/council.server";
import { auditReport } from "~/reports/audit.server";
import { councilReadiness } from "~/requirements/status.server";
import { notFound, requireCouncilOfficer } from "~/utils/auth.server";
import { requestOrigin } from "~/utils/request.server";

export const handle = { i18n: ["council"] } satisfies RouteWords;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.councilAllReadiness"));

/** Every committee's readiness on one page, for the clerks and the monitoring officer. */
export async function loader(args: LoaderFunctionArgs) {
  const { officer, councilId } = requireCouncilOfficer(args, "council:view-reports");
  const language = args.context.language;
  const [council, readiness] = await Promise.all([getCouncil(councilId), councilReadiness({ councilId, language })]);
  if (!council) throw notFound(wordsOf(language, "council")("councilNotFound"));
  await auditReport({ type: "report-viewed", actorId: officer.id, councilName: council.name, report: "committee readiness", query: "" }, requestOrigin(args));
  return { council, ...readiness };
}

export default function AllCommitteesReadiness() {
  const { council, committees, checkedOn } = useLoaderData<typeof loader>();
  const { t } = useTranslation("council");
  const language = useLanguage();
  return (
    <>
      <PageHeading caption={council.name}>{t("readiness.allHeading")}</PageHeading>
      <CouncilNav />
      <p>{t("readiness.allIntro", { date: formatDate(checkedOn, language) })}</p>
      <div className="no-print">
        <PrintButton label={t("readiness.print")} withoutScript={t("readiness.printWithoutScript")} />
      </div>
      {committees.length === 0 ? <p>{t("readiness.noCommittees")}</p> : null}
      {committees.map((committee) => (
        <section key={committee.id} aria-labelledby={`committee-${committee.id}`} className="readiness-section">
          <h2 id={`committee-${committee.id}`}>
            <Link to={`/council/committees/${committee.id}`}>{committee.name}</Link>
          </h2>
          <p>
            {committee.requirementCount === 0
              ? t("readiness.noRequirements")
              : t("readiness.counts", { maySit: committee.seats.filter((seat) => seat.maySit).length, mayNot: committee.seats.filter((seat) => !seat.maySit).length })}
          </p>
          <ReadinessTable committee={committee.name} seats={committee.seats} caption="hidden" />
        </section>
      ))}
    </>
  );
}
