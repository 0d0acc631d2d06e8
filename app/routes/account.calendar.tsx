import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { BackLink, PageHeading } from "~/components/page";
import { createCalendarFeed, hasCalendarFeed, revokeCalendarFeed } from "~/courses/calendar-feed.server";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm } from "~/utils/forms";
import { appUrl, requestOrigin } from "~/utils/request.server";
import { CalendarFeedActionSchema } from "~/utils/schemas.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.calendarFeed"));

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "course:book");
  return { hasFeed: await hasCalendarFeed(user.id) };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "course:book");
  const t = translatorFor(args.context.language);
  const formData = await args.request.formData();
  const form = parseForm(formData, CalendarFeedActionSchema, t);
  if (!form.ok) return refuseForm(formResult(formData, { formError: t("calendarFeed.unreadable", { ns: "account" }) }));
  const origin = requestOrigin(args);
  if (form.data.intent === "revoke") {
    await revokeCalendarFeed(user.id, origin);
    return redirectWithFlash("/account/calendar", t("calendarFeed.revoked", { ns: "account" }));
  }
  // The address is the answer to this POST only: a redirect would carry it in the flash cookie. Links use
  // APP_URL, as emails do, never the request's Host.
  const address = `${appUrl()}/calendar/${await createCalendarFeed(user.id, origin)}.ics`;
  return { address, webcal: address.replace(/^https?:/, "webcal:") };
}

export default function CalendarFeed() {
  const { hasFeed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const created = result && "address" in result ? result : null;
  const { t } = useTranslation("account");
  const createdHeading = useRef<HTMLHeadingElement>(null);
  // With JavaScript the page does not reload: take the reader to the new address, as a new page would.
  useEffect(() => {
    if (created) createdHeading.current?.focus();
  }, [created]);
  return (
    <div className="narrow">
      <BackLink to="/account">{t("calendarFeed.back")}</BackLink>
      <ErrorSummary result={result && "fieldErrors" in result ? result : null} />
      <PageHeading>{t("calendarFeed.heading")}</PageHeading>
      {created ? (
        <section className="panel" aria-labelledby="created-heading">
          <h2 className="heading-m" id="created-heading" tabIndex={-1} ref={createdHeading}>
            {t("calendarFeed.createdHeading")}
          </h2>
          <p>{t("calendarFeed.created")}</p>
          <TextField key={created.address} name="address" label={t("calendarFeed.address")} defaultValue={created.address} readOnly spellCheck={false} />
          <p>
            <a href={created.webcal}>{t("calendarFeed.open")}</a>
          </p>
        </section>
      ) : null}
      <p>{t("calendarFeed.intro")}</p>
      <p>{t("calendarFeed.slow")}</p>
      <h2>{t("calendarFeed.privateHeading")}</h2>
      <p>{t("calendarFeed.private")}</p>
      {hasFeed ? (
        <>
          {created ? null : <p>{t("calendarFeed.have")}</p>}
          <Form method="post">
            <p>{t("calendarFeed.replaceText")}</p>
            <SubmitButton secondary name="intent" value="create">
              {t("calendarFeed.replace")}
            </SubmitButton>
          </Form>
          <Form method="post">
            <p>{t("calendarFeed.revokeText")}</p>
            <SubmitButton warning name="intent" value="revoke">
              {t("calendarFeed.revoke")}
            </SubmitButton>
          </Form>
        </>
      ) : (
        <Form method="post">
          <p>{t("calendarFeed.none")}</p>
          <SubmitButton name="intent" value="create">
            {t("calendarFeed.create")}
          </SubmitButton>
        </Form>
      )}
      <h2>{t("calendarFeed.howHeading")}</h2>
      <ul>
        <li>{t("calendarFeed.outlook")}</li>
        <li>{t("calendarFeed.google")}</li>
        <li>{t("calendarFeed.apple")}</li>
      </ul>
    </div>
  );
}
