import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CouncilNav } from "~/components/council-nav";
import { MemberKind } from "~/components/member-kind";
import { SubmitButton } from "~/components/forms";
import { PageHeading } from "~/components/page";
import { confirmMember, listMembers } from "~/councils/membership.server";
import { formatDate } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import { getCouncil } from "~/models/council.server";
import { notFound, requireCouncilOfficer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, refuseForm } from "~/utils/forms";
import { requestOrigin } from "~/utils/request.server";
import { MembershipIdSchema } from "~/utils/schemas.server";
import type { RouteWords } from "~/i18n/config";

export const handle = { i18n: ["council"] } satisfies RouteWords;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.council"));

export async function loader(args: LoaderFunctionArgs) {
  const { councilId } = requireCouncilOfficer(args, "council:view-members");
  const [council, members] = await Promise.all([getCouncil(councilId), listMembers({ councilId })]);
  if (!council) throw notFound(translatorFor(args.context.language)("councilNotFound", { ns: "council" }));
  return {
    council,
    claims: members.filter((member) => !member.confirmedAt),
    members: members.filter((member) => member.confirmedAt),
  };
}

/** Confirms a claim from the list (the member's own page confirms too, with their details). */
export async function action(args: ActionFunctionArgs) {
  const { officer, councilId } = requireCouncilOfficer(args, "council:keep-members");
  const t = translatorFor(args.context.language);
  const form = parseForm(await args.request.formData(), MembershipIdSchema, t);
  if (!form.ok) return refuseForm(form.result);
  const outcome = await confirmMember({ councilId, membershipId: form.data.membershipId, actorId: officer.id }, requestOrigin(args));
  if (outcome.status === "not-found") throw notFound(t("member.notFound", { ns: "council" }));
  return redirectWithFlash("/council", t("members.confirmed", { ns: "council" }));
}

export default function CouncilMembers() {
  const { council, claims, members } = useLoaderData<typeof loader>();
  const { t } = useTranslation("council");
  const language = useLanguage();
  const date = (value: Date | string | null) => (value ? formatDate(value, language) : "–");
  return (
    <>
      <PageHeading caption={council.name}>{t("members.heading")}</PageHeading>
      <CouncilNav />
      {claims.length > 0 ? (
        <section aria-labelledby="claims-heading">
          <h2 id="claims-heading">{t("members.claimsHeading", { count: claims.length })}</h2>
          <p>{t("members.claimsIntro")}</p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("members.claimsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("members.name")}</th>
                  <th scope="col">{t("members.email")}</th>
                  <th scope="col">{t("members.saysElected")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("members.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {claims.map((claim) => (
                  <tr key={claim.id}>
                    <td>
                      <Link to={`/council/members/${claim.id}`}>{claim.user.name}</Link>
                    </td>
                    <td className="wrap">{claim.user.email}</td>
                    <td>{date(claim.memberSince)}</td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="membershipId" value={claim.id} />
                        <SubmitButton secondary>
                          {t("members.confirm")}
                          <span className="visually-hidden"> {claim.user.name}</span>
                        </SubmitButton>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <h2>{t("members.currentHeading", { count: members.length })}</h2>
      {members.length === 0 ? (
        <p>{t("members.none", { council: council.name })}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("members.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("members.name")}</th>
                <th scope="col">{t("members.email")}</th>
                <th scope="col">{t("members.kind")}</th>
                <th scope="col">{t("members.since")}</th>
                <th scope="col">{t("members.termStarted")}</th>
                <th scope="col">{t("members.committees")}</th>
                <th scope="col">{t("members.account")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.id}>
                  <td>
                    <Link to={`/council/members/${member.id}`}>{member.user.name}</Link>
                  </td>
                  <td className="wrap">{member.user.email}</td>
                  <td>
                    <MemberKind kind={member.kind} />
                  </td>
                  <td>{date(member.memberSince)}</td>
                  <td>{date(member.termStartedOn)}</td>
                  <td>{member.committeeCount}</td>
                  <td>{member.user.invited ? t("members.invited") : t("members.signedUp")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
