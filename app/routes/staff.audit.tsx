import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AuditFilterSchema } from "~/utils/schemas.server";
import { SubmitButton, TextField } from "~/components/forms";
import { formatDateTime, PageHeading, Pagination } from "~/components/page";
import { listAuditEvents } from "~/models/audit.server";
import { findUserIdByEmail } from "~/models/user.server";
import { requirePermission } from "~/utils/auth.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.auditLog"));

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "audit:view");
  const filter = AuditFilterSchema.parse(Object.fromEntries(new URL(args.request.url).searchParams));
  const userId = filter.userId || (filter.email ? ((await findUserIdByEmail(filter.email)) ?? "no-such-user") : "");
  return { filter, ...(await listAuditEvents({ userId: userId || undefined, page: filter.page })) };
}

export default function AuditLog() {
  const { filter, events, total, pages } = useLoaderData<typeof loader>();
  const filtered = Boolean(filter.userId || filter.email);
  const pageHref = (page: number) => `?${new URLSearchParams({ userId: filter.userId, email: filter.email, page: String(page) })}`;
  return (
    <>
      <PageHeading caption="Association staff">Audit log</PageHeading>
      <p>Security events, newest first: sign-ins, failed sign-ins, lockouts, password changes and changes to accounts.</p>
      <Form method="get" className="filter" role="search" aria-label="Filter the audit log">
        <TextField name="email" label="Account email address" type="email" defaultValue={filter.email} width="half" spellCheck={false} />
        <SubmitButton secondary>Filter</SubmitButton>
      </Form>
      {filtered ? (
        <p>
          <Link to="/staff/audit">Show events for every account</Link>
        </p>
      ) : null}
      <p role="status">{total === 0 ? "No events match." : `${total} ${total === 1 ? "event" : "events"}`}</p>
      {events.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Security events</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Event</th>
                <th scope="col">Account</th>
                <th scope="col">By</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td>{formatDateTime(event.createdAt)}</td>
                  <td>
                    {event.type}
                    {event.detail ? <div className="secondary">{event.detail}</div> : null}
                  </td>
                  <td className="wrap">
                    {event.user ? <Link to={`/staff/audit?userId=${event.user.id}`}>{event.user.name}</Link> : null}
                    <div className="secondary">{event.email}</div>
                  </td>
                  <td>{event.actor?.name ?? "Themselves"}</td>
                  <td className="wrap">
                    {event.ip}
                    {event.userAgent ? <div className="secondary">{event.userAgent.slice(0, 60)}</div> : null}
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
