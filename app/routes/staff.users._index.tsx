import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AccountFilterSchema } from "~/utils/schemas.server";
import { SelectField, SubmitButton, TextField } from "~/components/forms";
import { AccountStatus } from "~/components/account-status";
import { PageHeading, Pagination } from "~/components/page";
import { listUsers } from "~/models/user.server";
import { requirePermission } from "~/utils/auth.server";
import { isRole, ROLE_LABELS, ROLES } from "~/utils/permissions";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.accounts"));

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "users:manage");
  const filter = AccountFilterSchema.parse(Object.fromEntries(new URL(args.request.url).searchParams));
  const result = await listUsers({ query: filter.q, role: filter.role || undefined, page: filter.page });
  return { filter, ...result };
}

export default function Users() {
  const { filter, users, total, pages } = useLoaderData<typeof loader>();
  const pageHref = (page: number) => `?${new URLSearchParams({ q: filter.q, role: filter.role, page: String(page) })}`;
  return (
    <>
      <PageHeading caption="Association staff">Accounts</PageHeading>
      <p>
        <Link to="/staff/users/new" className="button">
          Invite a council officer
        </Link>
      </p>
      <Form method="get" className="filter" role="search" aria-label="Filter accounts">
        <TextField name="q" label="Name or email" defaultValue={filter.q} width="half" maxLength={100} />
        <SelectField
          name="role"
          label="Role"
          defaultValue={filter.role}
          options={[{ value: "", label: "All roles" }, ...ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))]}
        />
        <SubmitButton secondary>Filter</SubmitButton>
      </Form>
      <p role="status">
        {total === 0 ? "No accounts match." : `${total} ${total === 1 ? "account" : "accounts"}`}
      </p>
      {users.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Accounts</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Council</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <td>
                    <Link to={`/staff/users/${user.id}`}>{user.name}</Link>
                  </td>
                  <td className="wrap">{user.email}</td>
                  <td>{isRole(user.role) ? ROLE_LABELS[user.role] : user.role}</td>
                  <td>{user.council?.name ?? "–"}</td>
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

