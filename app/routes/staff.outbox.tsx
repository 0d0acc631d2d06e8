import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OutboxPageSchema } from "~/utils/schemas.server";
import { formatDateTime, PageHeading, Pagination } from "~/components/page";
import { listOutbox } from "~/models/email.server";
import { requirePermission } from "~/utils/auth.server";
import { requestOrigin } from "~/utils/request.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.outbox"));

export async function loader(args: LoaderFunctionArgs) {
  const staff = requirePermission(args, "outbox:view");
  const { page } = OutboxPageSchema.parse(Object.fromEntries(new URL(args.request.url).searchParams));
  return { page, smtp: Boolean(process.env.SMTP_URL), ...(await listOutbox({ page, viewerId: staff.id }, requestOrigin(args))) };
}

const STATUS_LABELS: Record<string, string> = { pending: "Waiting", sending: "Sending", sent: "Sent", failed: "Failed" };

export default function Outbox() {
  const { page, pages, total, messages, smtp } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading caption="Association staff">Outbox</PageHeading>
      <p>
        {smtp
          ? "Messages are delivered by the mail server and retried up to five times when it fails."
          : "No mail server is set (SMTP_URL), so messages wait here until one is."}{" "}
        Links that sign someone in or set a password are hidden: only the person they were sent to can use them.
      </p>
      <p role="status">{total === 0 ? "No messages yet." : `${total} ${total === 1 ? "message" : "messages"}, newest first`}</p>
      <ol className="outbox" reversed>
        {messages.map((message) => (
          <li key={message.id} className="panel">
            <h2 className="heading-m">{message.subject}</h2>
            <dl className="summary-list">
              <div>
                <dt>To</dt>
                <dd>{message.to}</dd>
              </div>
              <div>
                <dt>Created</dt>
                <dd>{formatDateTime(message.createdAt)}</dd>
              </div>
              {message.sentLinks.map((link) => (
                <div key={link.name}>
                  <dt>{link.name}</dt>
                  <dd>Sent, expires {formatDateTime(link.expiresAt)}</dd>
                </div>
              ))}
              <div>
                <dt>Status</dt>
                <dd>
                  {STATUS_LABELS[message.status] ?? message.status}
                  {message.attempts ? ` after ${message.attempts} ${message.attempts === 1 ? "attempt" : "attempts"}` : null}
                  {message.lastError ? ` (last error: ${message.lastError})` : null}
                </dd>
              </div>
            </dl>
            <details>
              <summary>Show the message</summary>
              <pre className="email">{message.text}</pre>
            </details>
          </li>
        ))}
      </ol>
      <Pagination page={page} pages={pages} makeHref={(p) => `?page=${p}`} />
    </>
  );
}
