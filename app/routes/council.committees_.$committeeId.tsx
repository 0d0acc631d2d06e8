import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { BackLink, PageHeading } from "~/components/page";
import { PrintButton } from "~/components/print-button";
import { ReadinessTable } from "~/components/readiness-table";
import { formatDate } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import { committeeReadiness } from "~/requirements/status.server";
import { notFound, requireCouncilOfficer } from "~/utils/auth.server";
import type { RouteWords } from "~/i18n/config";

export const handle = { i18n: ["council"] } satisfies RouteWords;

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) =>
  error ? errorMeta(error, matches) : pageTitle(matches, (t) => t("pages.councilReadiness", { committee: data?.committee.name }));

/** Who may sit on a committee: a page an officer prints for the committee clerk. */
export async function loader(args: LoaderFunctionArgs) {
  const { councilId } = requireCouncilOfficer(args, "council:view-members");
  const readiness = await committeeReadiness({ councilId, committeeId: args.params.committeeId ?? "", language: args.context.language });
  if (!readiness) throw notFound(translatorFor(args.context.language)("readiness.notFound", { ns: "council" }));
  return readiness;
}

export default function CommitteeReadiness() {
  const { committee, seats, requirementCount, checkedOn } = useLoaderData<typeof loader>();
  const { t } = useTranslation("council");
  const language = useLanguage();
  return (
    <>
      <div className="no-print">
        <BackLink to="/council/committees">{t("nav.committees")}</BackLink>
      </div>
      <PageHeading caption={committee.council.name}>{t("readiness.heading", { committee: committee.name })}</PageHeading>
      <p>{requirementCount === 0 ? t("readiness.noRequirements") : t("readiness.intro", { date: formatDate(checkedOn, language) })}</p>
      <div className="no-print">
        <PrintButton label={t("readiness.print")} withoutScript={t("readiness.printWithoutScript")} />
      </div>
      <ReadinessTable committee={committee.name} seats={seats} />
    </>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("council");
  return <RouteErrorBoundary links={[{ to: "/council/committees", label: t("nav.committees") }]} />;
}
