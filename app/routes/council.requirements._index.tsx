import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CouncilNav } from "~/components/council-nav";
import { PageHeading, TableWrap } from "~/components/page";
import { RequirementDue, RequirementWho } from "~/components/requirement-text";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { getCouncil } from "~/models/council.server";
import { councilTraining, countStandings, requirementRules } from "~/requirements/status.server";
import { notFound, requireCouncilOfficer } from "~/utils/auth.server";
import type { RouteWords } from "~/i18n/config";

export const handle = { i18n: ["council"] } satisfies RouteWords;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.councilRequirements"));

export async function loader(args: LoaderFunctionArgs) {
  const { councilId } = requireCouncilOfficer(args, "council:view-members");
  const language = args.context.language;
  const [council, training] = await Promise.all([getCouncil(councilId), councilTraining({ councilId, language })]);
  if (!council) throw notFound(translatorFor(language)("councilNotFound", { ns: "council" }));
  return {
    council,
    requirements: training.requirements.map((requirement) => ({
      id: requirement.id,
      label: requirement.label,
      rules: requirementRules(requirement),
      counts: countStandings(requirement.standings),
    })),
  };
}

export default function Requirements() {
  const { council, requirements } = useLoaderData<typeof loader>();
  const { t } = useTranslation("council");
  return (
    <>
      <PageHeading caption={council.name}>{t("requirements.heading")}</PageHeading>
      <CouncilNav />
      <p>{t("requirements.intro")}</p>
      <p>
        <Link to="/council/requirements/new" className="button">
          {t("requirements.add")}
        </Link>
      </p>
      {requirements.length === 0 ? (
        <p>{t("requirements.none")}</p>
      ) : (
        <TableWrap label={t("requirements.caption")}>
          <table>
            <caption className="visually-hidden">{t("requirements.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("requirements.columns.requirement")}</th>
                <th scope="col">{t("requirements.columns.who")}</th>
                <th scope="col">{t("requirements.columns.due")}</th>
                <th scope="col">{t("requirements.columns.standing")}</th>
              </tr>
            </thead>
            <tbody>
              {requirements.map((requirement) => (
                <tr key={requirement.id}>
                  <td>
                    <Link to={`/council/requirements/${requirement.id}`} aria-label={t("requirements.view", { requirement: requirement.label })}>
                      {requirement.label}
                    </Link>
                  </td>
                  <td>
                    <RequirementWho rules={requirement.rules} />
                  </td>
                  <td>
                    <RequirementDue rules={requirement.rules} />
                  </td>
                  <td>{t("requirements.counts", requirement.counts)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
