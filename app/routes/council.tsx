import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/components/page";
import { formatDate } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18n.server";
import { getCouncil } from "~/models/council.server";
import { listCouncilMembers } from "~/models/user.server";
import { requirePermission } from "~/utils/auth.server";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.council"));

export async function loader(args: LoaderFunctionArgs) {
  const officer = requirePermission(args, "council:view-members");
  const t = translatorFor(args.context.language);
  // An officer sees their own council only: the council comes from their account, never from the URL.
  if (!officer.councilId) throw new Response(t("council.noCouncil", { ns: "account" }), { status: 403 });
  const [council, members] = await Promise.all([getCouncil(officer.councilId), listCouncilMembers({ councilId: officer.councilId })]);
  if (!council) throw new Response(t("council.councilNotFound", { ns: "account" }), { status: 404 });
  return { council, members };
}

export default function CouncilMembers() {
  const { council, members } = useLoaderData<typeof loader>();
  const { t } = useTranslation("account");
  const language = useLanguage();
  return (
    <>
      <PageHeading caption={council.name}>{t("council.heading")}</PageHeading>
      <p>{t("council.intro", { council: council.name })}</p>
      {members.length === 0 ? (
        <p>{t("council.none", { council: council.name })}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("council.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("council.name")}</th>
                <th scope="col">{t("council.email")}</th>
                <th scope="col">{t("council.elected")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.id}>
                  <td>{member.name}</td>
                  <td className="wrap">{member.email}</td>
                  <td>{member.electedOn ? formatDate(member.electedOn, language) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
