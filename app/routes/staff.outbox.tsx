import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OutboxPageSchema } from "~/utils/schemas.server";
import { PageHeading, Pagination } from "~/components/page";
import { HTML_LANG, type Language, type RouteWords } from "~/i18n/config";
import { formatDateTime } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";
import { listOutbox } from "~/models/email.server";
import { requirePermission } from "~/utils/auth.server";
import { requestOrigin } from "~/utils/request.server";
import { pageTitle } from "~/i18n/meta";

export const handle = { i18n: ["staff"] } satisfies RouteWords;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.outbox"));

export async function loader(args: LoaderFunctionArgs) {
  const staff = requirePermission(args, "outbox:view");
  const { page } = OutboxPageSchema.parse(Object.fromEntries(new URL(args.request.url).searchParams));
  return { page, smtp: Boolean(process.env.SMTP_URL), ...(await listOutbox({ page, viewerId: staff.id }, requestOrigin(args))) };
}

export default function Outbox() {
  const { page, pages, total, messages, smtp } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  const language = useLanguage();
  // Statuses the page has no words for (none today) are shown as stored.
  const statuses: Record<string, string | undefined> = t("outbox.statuses", { returnObjects: true });
  return (
    <>
      <PageHeading caption={t("caption")}>{t("outbox.heading")}</PageHeading>
      <p>
        {smtp ? t("outbox.delivered") : t("outbox.noMailServer")} {t("outbox.linksHidden")}
      </p>
      <p role="status">{total === 0 ? t("outbox.none") : t("outbox.count", { count: total })}</p>
      <ol className="outbox" reversed>
        {messages.map((message) => (
          <li key={message.id} className="panel">
            <h2 className="heading-m">
              <InLanguages parts={message.inLanguages.subject} />
            </h2>
            <dl className="summary-list">
              <div>
                <dt>{t("outbox.to")}</dt>
                <dd>{message.to}</dd>
              </div>
              <div>
                <dt>{t("outbox.created")}</dt>
                <dd>{formatDateTime(message.createdAt, language)}</dd>
              </div>
              {message.sentLinks.map((link) => (
                <div key={link.purpose}>
                  <dt>{t(`outbox.links.${link.purpose}`)}</dt>
                  <dd>{t("outbox.linkSent", { time: formatDateTime(link.expiresAt, language) })}</dd>
                </div>
              ))}
              {message.attachedFiles.length ? (
                <div>
                  <dt>{t("outbox.attached")}</dt>
                  <dd>{message.attachedFiles.join(", ")}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t("outbox.status")}</dt>
                <dd>
                  {statuses[message.status] ?? message.status}
                  {message.attempts ? ` ${t("outbox.afterAttempts", { count: message.attempts })}` : null}
                  {message.lastError ? ` ${t("outbox.lastError", { error: message.lastError })}` : null}
                </dd>
              </div>
            </dl>
            <details>
              <summary>{t("outbox.show")}</summary>
              <pre className="email">
                <InLanguages parts={message.inLanguages.text} />
              </pre>
            </details>
          </li>
        ))}
      </ol>
      <Pagination page={page} pages={pages} makeHref={(p) => `?page=${p}`} />
    </>
  );
}

/** An email's words, each part marked with the language it is written in (WCAG 3.1.2). */
function InLanguages({ parts }: { parts: { language: Language | null; text: string }[] }) {
  return (
    <>
      {parts.map((part, index) => (
        <span key={index} lang={part.language ? HTML_LANG[part.language] : undefined}>
          {part.text}
        </span>
      ))}
    </>
  );
}
