import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuditFilterSchema } from "~/utils/schemas.server";
import { SubmitButton, TextField } from "~/components/forms";
import { PageHeading, Pagination } from "~/components/page";
import { formatDateTime } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";
import { listAuditEvents } from "~/models/audit.server";
import { findUserIdByEmail } from "~/models/user.server";
import { requirePermission } from "~/utils/auth.server";
import { pageTitle } from "~/i18n/meta";
import type { RouteWords } from "~/i18n/config";

export const handle = { i18n: ["staff"] } satisfies RouteWords;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.auditLog"));

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "audit:view");
  const filter = AuditFilterSchema.parse(Object.fromEntries(new URL(args.request.url).searchParams));
  const userId = filter.userId || (filter.email ? ((await findUserIdByEmail(filter.email)) ?? "no-such-user") : "");
  return { filter, ...(await listAuditEvents({ userId: userId || undefined, page: filter.page })) };
}

export default function AuditLog() {
  const { filter, events, total, pages } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  const language = useLanguage();
  // An event type the page has no words for (one recorded before it was named here) is shown as stored.
  const eventNames: Record<string, string | undefined> = t("audit.events", { returnObjects: true });
  const filtered = Boolean(filter.userId || filter.email);
  const pageHref = (page: number) => `?${new URLSearchParams({ userId: filter.userId, email: filter.email, page: String(page) })}`;
  return (
    <>
      <PageHeading caption={t("caption")}>{t("audit.heading")}</PageHeading>
      <p>{t("audit.intro")}</p>
      <Form method="get" className="filter" role="search" aria-label={t("audit.filterLabel")}>
        <TextField name="email" label={t("audit.email")} type="email" defaultValue={filter.email} width="half" spellCheck={false} />
        <SubmitButton secondary>{t("audit.filter")}</SubmitButton>
      </Form>
      {filtered ? (
        <p>
          <Link to="/staff/audit">{t("audit.showAll")}</Link>
        </p>
      ) : null}
      <p role="status">{total === 0 ? t("audit.none") : t("audit.count", { count: total })}</p>
      {events.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("audit.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.columns.when")}</th>
                <th scope="col">{t("audit.columns.event")}</th>
                <th scope="col">{t("audit.columns.account")}</th>
                <th scope="col">{t("audit.columns.by")}</th>
                <th scope="col">{t("audit.columns.from")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td>{formatDateTime(event.createdAt, language)}</td>
                  <td>
                    {eventNames[event.type] ?? event.type}
                    {/* details are recorded in English, as they happened: marked so on a Welsh page */}
                    {event.detail ? (
                      <div className="secondary" lang="en-GB">
                        {event.detail}
                      </div>
                    ) : null}
                  </td>
                  <td className="wrap">
                    {event.user ? <Link to={`/staff/audit?userId=${event.user.id}`}>{event.user.name}</Link> : null}
                    <div className="secondary">{event.email}</div>
                  </td>
                  <td>{event.actor?.name ?? t("audit.themselves")}</td>
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
