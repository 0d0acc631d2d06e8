import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/components/page";
import { MembershipList } from "~/components/membership-list";
import { membershipsOf } from "~/councils/membership.server";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { getProfile } from "~/models/user.server";
import { requireUser } from "~/utils/auth.server";
import { can, isRole } from "~/utils/permissions";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.account"));

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const profile = await getProfile({ userId: user.id });
  if (!profile) throw new Response(translatorFor(args.context.language)("errors.accountNotFound", { ns: "account" }), { status: 404 });
  return { profile, memberships: can(user, "membership:claim") ? await membershipsOf(user.id) : null, canBook: can(user, "course:book") };
}

export default function Account() {
  const { profile, memberships, canBook } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["account", "common"]);
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
      </dl>
      <p>
        <Link to="/account/profile" className="button button--secondary">
          {t("overview.changeDetails")}
        </Link>
        <Link to="/account/password" className="button button--secondary">
          {t("overview.changePassword")}
        </Link>
      </p>
      <ul className="plain-list">
        {canBook ? (
          <li>
            <Link to="/account/calendar">{t("overview.calendarFeed")}</Link>
          </li>
        ) : null}
        {profile.role !== "staff" ? (
          <li>
            <Link to="/account/reminders">{t("overview.reminders")}</Link>
          </li>
        ) : null}
      </ul>
      {memberships ? (
        <section aria-labelledby="councils-heading">
          <h2 id="councils-heading">{t("councils.heading")}</h2>
          <MembershipList memberships={memberships} />
          <p>
            <Link to="/account/councils">{t("overview.changeCouncils")}</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
