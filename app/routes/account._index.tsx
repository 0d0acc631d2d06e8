import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/components/page";
import { formatDate } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import { getProfile } from "~/models/user.server";
import { requireUser } from "~/utils/auth.server";
import { isRole } from "~/utils/permissions";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.account"));

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const profile = await getProfile({ userId: user.id });
  if (!profile) throw new Response(translatorFor(args.context.language)("errors.accountNotFound", { ns: "account" }), { status: 404 });
  return { profile };
}

export default function Account() {
  const { profile } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["account", "common"]);
  const language = useLanguage();
  return (
    <>
      <PageHeading>{t("overview.heading")}</PageHeading>
      <dl className="summary-list">
        <div>
          <dt>{t("overview.name")}</dt>
          <dd>{profile.name}</dd>
        </div>
        <div>
          <dt>{t("overview.email")}</dt>
          <dd>
            {profile.email} {profile.emailConfirmedAt ? null : <span className="tag tag--red">{t("overview.notConfirmed")}</span>}
          </dd>
        </div>
        <div>
          <dt>{t("overview.role")}</dt>
          <dd>{isRole(profile.role) ? t(`common:roles.${profile.role}`) : profile.role}</dd>
        </div>
        {profile.council ? (
          <div>
            <dt>{t("overview.council")}</dt>
            <dd>{profile.council.name}</dd>
          </div>
        ) : null}
        {profile.role === "councillor" ? (
          <div>
            <dt>{t("overview.electedOn")}</dt>
            <dd>{profile.electedOn ? formatDate(profile.electedOn, language) : t("overview.notGiven")}</dd>
          </div>
        ) : null}
      </dl>
      <p>
        <Link to="/account/profile" className="button button--secondary">
          {t("overview.changeDetails")}
        </Link>
        <Link to="/account/password" className="button button--secondary">
          {t("overview.changePassword")}
        </Link>
      </p>
    </>
  );
}
