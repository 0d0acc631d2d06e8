// The accept and decline links in an offer email open this page; only its button acts. Council mail
// scanners open every link in a message, so a GET must never accept or decline anything.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { CourseText } from "~/components/course-text";
import { SubmitButton } from "~/components/forms";
import { Notice, PageHeading } from "~/components/page";
import { acceptOffer, declineOffer, offerFor } from "~/courses/booking.server";
import { moment } from "~/courses/course-times.server";
import type { Language } from "~/i18n/config";
import { wordsOf } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { notFound, requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { requestOrigin } from "~/utils/request.server";

export const meta: MetaFunction = ({ error, matches }) => (error ? errorMeta(error, matches) : pageTitle(matches, (t) => t("pages.courseOffer")));

const ANSWERS = ["accept", "decline"] as const;

function answerOf(param: string | undefined, language: Language) {
  const answer = ANSWERS.find((known) => known === param);
  if (!answer) throw notFound(wordsOf(language, "courses")("offer.notOpen"));
  return answer;
}

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "course:book");
  const language = args.context.language;
  const answer = answerOf(args.params.answer, language);
  const offer = await offerFor({ bookingId: args.params.bookingId ?? "", userId: user.id });
  if (!offer) throw notFound(wordsOf(language, "courses")("offer.notOpen"));
  return {
    answer,
    courseId: offer.course.id,
    title: offer.course.title,
    courseLanguage: offer.course.language,
    open: offer.open,
    accepted: offer.status === "confirmed",
    expires: offer.offerExpiresAt ? moment(offer.offerExpiresAt, language) : null,
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "course:book");
  const language = args.context.language;
  const answer = answerOf(args.params.answer, language);
  const own = { bookingId: args.params.bookingId ?? "", userId: user.id };
  const offer = await offerFor(own);
  if (!offer) throw notFound(wordsOf(language, "courses")("offer.notOpen"));
  const outcome = answer === "accept" ? await acceptOffer(own, requestOrigin(args)) : await declineOffer(own, requestOrigin(args));
  const words = wordsOf(language, "courses");
  return redirectWithFlash(`/courses/${offer.course.id}`, outcome.status === "not-found" ? words("offer.notOpen") : words(`outcome.${outcome.status}`));
}

export default function Offer() {
  const { answer, courseId, title, courseLanguage, open, accepted, expires } = useLoaderData<typeof loader>();
  const { t } = useTranslation("courses");
  return (
    <>
      <PageHeading>{answer === "accept" ? t("offer.acceptHeading") : t("offer.declineHeading")}</PageHeading>
      <p className="lead">
        <CourseText language={courseLanguage}>{title}</CourseText>
      </p>
      {open ? (
        <>
          <p>{answer === "accept" ? t("offer.acceptIntro", { date: expires }) : t("offer.declineIntro")}</p>
          <Form method="post">
            <SubmitButton warning={answer === "decline"}>{answer === "accept" ? t("booking.accept") : t("booking.decline")}</SubmitButton>
          </Form>
        </>
      ) : (
        <Notice>{accepted ? t("outcome.already-confirmed") : t("offer.notOpen")}</Notice>
      )}
      <p>
        <Link to={`/courses/${courseId}`}>{t("offer.toCourse")}</Link>
      </p>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
