import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountFilterSchema } from "~/utils/schemas.server";
import { SelectField, SubmitButton, TextField } from "~/components/forms";
import { AccountStatus } from "~/components/account-status";
import { PageHeading, Pagination } from "~/components/page";
import { listUsers } from "~/models/user.server";
import { requirePermission } from "~/utils/auth.server";
import { isRole, ROLES } from "~/utils/permissions";
import { pageTitle } from "~/i18n/meta";
import type { RouteWords } from "~/i18n/config";

export const handle = { i18n: ["staff"] } satisfies RouteWords;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.accounts"));

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "users:manage");
  const filter = AccountFilterSchema.parse(Object.fromEntries(new URL(args.request.url).searchParams));
  const result = await listUsers({ query: filter.q, role: filter.role || undefined, page: filter.page });
  return { filter, ...result };
}

export default function Users() {
  const { filter, users, total, pages } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["staff", "common"]);
  const pageHref = (page: number) => `?${new URLSearchParams({ q: filter.q, role: filter.role, page: String(page) })}`;
  return (
    <>
      <PageHeading caption={t("caption")}>{t("users.heading")}</PageHeading>
      <p>
        <Link to="/staff/users/new" className="button">
          {t("users.invite")}
        </Link>
      </p>
      <Form method="get" className="filter" role="search" aria-label={t("users.filterLabel")}>
        <TextField name="q" label={t("users.query")} defaultValue={filter.q} width="half" maxLength={100} />
        <SelectField
          name="role"
          label={t("users.role")}
          defaultValue={filter.role}
          options={[{ value: "", label: t("users.allRoles") }, ...ROLES.map((role) => ({ value: role, label: t(`common:roles.${role}`) }))]}
        />
        <SubmitButton secondary>{t("users.filter")}</SubmitButton>
      </Form>
      <p role="status">{total === 0 ? t("users.noMatches") : t("users.count", { count: total })}</p>
      {users.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("users.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("users.columns.name")}</th>
                <th scope="col">{t("users.columns.email")}</th>
                <th scope="col">{t("users.columns.role")}</th>
                <th scope="col">{t("users.columns.council")}</th>
                <th scope="col">{t("users.columns.status")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <td>
                    <Link to={`/staff/users/${user.id}`}>{user.name}</Link>
                  </td>
                  <td className="wrap">{user.email}</td>
                  <td>{isRole(user.role) ? t(`common:roles.${user.role}`) : user.role}</td>
                  <td>{user.councils.join(", ") || "–"}</td>
                  <td>
                    <AccountStatus {...user} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pagination page={filter.page} pages={pages} makeHref={pageHref} />
    </>
  );
}

