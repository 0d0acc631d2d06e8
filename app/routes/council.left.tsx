import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CouncilNav } from "~/components/council-nav";
import { MemberKind } from "~/components/member-kind";
import { PageHeading } from "~/components/page";
import { listMembers } from "~/councils/membership.server";
import { formatDate } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import { getCouncil } from "~/models/council.server";
import { notFound, requireCouncilOfficer } from "~/utils/auth.server";
import type { RouteWords } from "~/i18n/config";

export const handle = { i18n: ["council"] } satisfies RouteWords;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.councilLeft"));

export async function loader(args: LoaderFunctionArgs) {
  const { councilId } = requireCouncilOfficer(args, "council:view-members");
  const [council, members] = await Promise.all([getCouncil(councilId), listMembers({ councilId, listing: "left" })]);
  if (!council) throw notFound(translatorFor(args.context.language)("councilNotFound", { ns: "council" }));
  return { council, members };
}

/** People who left office (or whose account was closed): their history stays, out of the current list and counts. */
export default function FormerMembers() {
  const { council, members } = useLoaderData<typeof loader>();
  const { t } = useTranslation("council");
  const language = useLanguage();
  return (
    <>
      <PageHeading caption={council.name}>{t("left.heading")}</PageHeading>
      <CouncilNav />
      <p>{t("left.intro")}</p>
      {members.length === 0 ? (
        <p>{t("left.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("left.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("members.name")}</th>
                <th scope="col">{t("members.kind")}</th>
                <th scope="col">{t("left.leftOn")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.id}>
                  <td>
                    <Link to={`/council/members/${member.id}`}>{member.user.name}</Link>
                  </td>
                  <td>
                    <MemberKind kind={member.kind} />
                  </td>
                  <td>{member.leftOfficeOn ? formatDate(member.leftOfficeOn, language) : t("left.accountClosed")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
