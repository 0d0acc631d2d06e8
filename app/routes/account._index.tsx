import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate, PageHeading } from "~/components/page";
import { getProfile } from "~/models/user.server";
import { requireUser } from "~/utils/auth.server";
import { isRole, ROLE_LABELS } from "~/utils/permissions";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.account"));

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const profile = await getProfile({ userId: user.id });
  if (!profile) throw new Response("Account not found", { status: 404 });
  return { profile };
}

export default function Account() {
  const { profile } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading>Your account</PageHeading>
      <dl className="summary-list">
        <div>
          <dt>Name</dt>
          <dd>{profile.name}</dd>
        </div>
        <div>
          <dt>Email address</dt>
          <dd>
            {profile.email} {profile.emailConfirmedAt ? null : <span className="tag tag--red">Not confirmed</span>}
          </dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>{isRole(profile.role) ? ROLE_LABELS[profile.role] : profile.role}</dd>
        </div>
        {profile.council ? (
          <div>
            <dt>Council</dt>
            <dd>{profile.council.name}</dd>
          </div>
        ) : null}
        {profile.role === "councillor" ? (
          <div>
            <dt>Date elected</dt>
            <dd>{profile.electedOn ? formatDate(profile.electedOn) : "Not given"}</dd>
          </div>
        ) : null}
      </dl>
      <p>
        <Link to="/account/profile" className="button button--secondary">
          Change your details
        </Link>
        <Link to="/account/password" className="button button--secondary">
          Change your password
        </Link>
      </p>
    </>
  );
}
