import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { BackLink, PageHeading, TableWrap } from "~/components/page";
import { RequirementDue, RequirementWho } from "~/components/requirement-text";
import { TrainingStatusText } from "~/components/training-status";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { getCouncil } from "~/models/council.server";
import { removeRequirement, withdrawExemption } from "~/requirements/requirements.server";
import { councilTraining, countStandings, requirementRules } from "~/requirements/status.server";
import { notFound, requireCouncilOfficer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { requestOrigin } from "~/utils/request.server";
import { MembershipIdSchema } from "~/utils/schemas.server";
import type { RouteWords } from "~/i18n/config";

export const handle = { i18n: ["council"] } satisfies RouteWords;

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) =>
  error ? errorMeta(error, matches) : pageTitle(matches, (t) => t("pages.councilRequirement", { requirement: data?.requirement.label }));

const noSuchRequirement = (t: TFunction) => notFound(t("requirements.notFound", { ns: "council" }));

async function requirementAt(councilId: string, requirementId: string, args: LoaderFunctionArgs) {
  const { requirements } = await councilTraining({ councilId, requirementId, language: args.context.language });
  if (!requirements[0]) throw noSuchRequirement(translatorFor(args.context.language));
  return requirements[0];
}

export async function loader(args: LoaderFunctionArgs) {
  const { councilId } = requireCouncilOfficer(args, "council:view-members");
  const [council, requirement] = await Promise.all([getCouncil(councilId), requirementAt(councilId, args.params.requirementId ?? "", args)]);
  return {
    council: council!,
    requirement: { id: requirement.id, label: requirement.label, rules: requirementRules(requirement), counts: countStandings(requirement.standings) },
    standings: requirement.standings.map(({ membershipId, name, status, exemption }) => ({ membershipId, name, status, exemption })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { officer, councilId } = requireCouncilOfficer(args, "council:require-training");
  const t = translatorFor(args.context.language);
  const requirement = await requirementAt(councilId, args.params.requirementId ?? "", args);
  const form = Object.fromEntries(await args.request.formData());
  if (form.intent === "remove") {
    const outcome = await removeRequirement({ councilId, requirementId: requirement.id, actorId: officer.id }, requestOrigin(args));
    if (outcome.status === "not-found") throw noSuchRequirement(t);
    return redirectWithFlash("/council/requirements", t("requirements.removed", { ns: "council", requirement: requirement.label }));
  }
  const parsed = MembershipIdSchema.safeParse(form);
  const standing = parsed.success ? requirement.standings.find((s) => s.membershipId === parsed.data.membershipId) : undefined;
  if (!standing) throw notFound(t("member.notFound", { ns: "council" }));
  const outcome = await withdrawExemption({ councilId, requirementId: requirement.id, membershipId: standing.membershipId, actorId: officer.id }, requestOrigin(args));
  if (outcome.status === "not-found") throw noSuchRequirement(t);
  return redirectWithFlash(`/council/requirements/${requirement.id}`, t("requirements.detail.withdrawn", { ns: "council", name: standing.name }));
}

export default function Requirement() {
  const { council, requirement, standings } = useLoaderData<typeof loader>();
  const { t } = useTranslation("council");
  return (
    <>
      <BackLink to="/council/requirements">{t("requirements.backToRequirements")}</BackLink>
      <PageHeading caption={council.name}>{requirement.label}</PageHeading>
      <dl className="summary-list">
        <div>
          <dt>{t("requirements.columns.who")}</dt>
          <dd>
            <RequirementWho rules={requirement.rules} />
          </dd>
        </div>
        <div>
          <dt>{t("requirements.columns.due")}</dt>
          <dd>
            <RequirementDue rules={requirement.rules} />
          </dd>
        </div>
        <div>
          <dt>{t("requirements.columns.standing")}</dt>
          <dd>{t("requirements.counts", requirement.counts)}</dd>
        </div>
      </dl>
      {standings.length === 0 ? (
        <p>{t("requirements.detail.nobody")}</p>
      ) : (
        <TableWrap label={t("requirements.caption")}>
          <table>
            <caption className="visually-hidden">{t("requirements.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("requirements.columns.member")}</th>
                <th scope="col">{t("requirements.columns.status")}</th>
                <th scope="col">{t("requirements.columns.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {standings.map((standing) => (
                <tr key={standing.membershipId}>
                  <td>
                    <Link to={`/council/members/${standing.membershipId}`}>{standing.name}</Link>
                  </td>
                  <td>
                    <TrainingStatusText status={standing.status} />
                    {standing.exemption ? (
                      <>
                        <br />
                        {t("requirements.detail.exemption", { reason: standing.exemption.reason, approvedBy: standing.exemption.approvedBy })}
                        {standing.exemption.evidenceFileId ? (
                          <>
                            {" "}
                            <a href={`/evidence/${standing.exemption.evidenceFileId}`}>{t("requirements.detail.evidenceLink")}</a>
                          </>
                        ) : null}
                      </>
                    ) : null}
                  </td>
                  <td>
                    <ul className="plain-list">
                      {standing.exemption ? (
                        <li>
                          <Form method="post">
                            <input type="hidden" name="membershipId" value={standing.membershipId} />
                            <button type="submit" className="link-button" aria-label={t("requirements.detail.withdrawLabel", { name: standing.name })}>
                              {t("requirements.detail.withdraw")}
                            </button>
                          </Form>
                        </li>
                      ) : (
                        <li>
                          <Link to={`exempt/${standing.membershipId}`} aria-label={t("requirements.detail.exemptLabel", { name: standing.name })}>
                            {t("requirements.detail.exempt")}
                          </Link>
                        </li>
                      )}
                      <li>
                        <Link
                          to={`/council/members/${standing.membershipId}/training?requirement=${requirement.id}`}
                          aria-label={t("requirements.detail.recordLabel", { name: standing.name })}
                        >
                          {t("requirements.detail.record")}
                        </Link>
                      </li>
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2>{t("requirements.removeHeading")}</h2>
      <p>{t("requirements.removeText")}</p>
      <Form method="post">
        <button type="submit" name="intent" value="remove" className="button button--warning">
          {t("requirements.removeLabel", { requirement: requirement.label })}
        </button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("council");
  return <RouteErrorBoundary links={[{ to: "/council/requirements", label: t("requirements.backToRequirements") }]} />;
}
