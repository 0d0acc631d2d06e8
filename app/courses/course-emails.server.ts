// What a person is told about their booking, in their language (writeEmail), through the outbox in the
// same transaction as the change it tells of. Links go to pages that need the person signed in: an offer's
// accept and decline links open a page with a button, and only the button acts (mail scanners open links).
import { inLanguage, type Letter } from "~/models/account-emails.server";
import { appUrl } from "~/utils/request.server";
import { courseTimes, moment } from "./course-times.server";
import { placeOf } from "./rules";

export type LetterCourse = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  format: string;
  venue: string | null;
  address: string | null;
  cancellationCutoffAt: Date;
  contactName: string;
  contactEmail: string;
};

export function courseUrl(courseId: string) {
  return `${appUrl()}/courses/${courseId}`;
}

/** The title, when and where, and the course's page. */
function summary(course: LetterCourse, t: Parameters<Letter>[0], language: Parameters<Letter>[1]) {
  const place = placeOf(course);
  const where = course.format === "online" ? t("courses.online") : course.format === "both" ? t("courses.inPersonOrOnline", { place }) : place;
  return [
    course.title,
    t("courses.when", { when: courseTimes(course, language) }),
    t("courses.where", { where }),
    t("courses.details", { link: inLanguage(courseUrl(course.id), language) }),
  ];
}

function contact(course: LetterCourse, t: Parameters<Letter>[0]) {
  return t("courses.contact", { name: course.contactName, email: course.contactEmail });
}

/** The letters about a booking. Each takes the person's name and the course. */
export const bookingLetters = {
  feedbackAsked:
    ({ name, course }: { name: string; course: { id: string; title: string } }): Letter =>
    (t, language) => ({
      subject: t("courses.feedbackAsked.subject", { title: course.title }),
      text: [
        t("greeting", { name }),
        "",
        t("courses.feedbackAsked.body"),
        "",
        course.title,
        t("courses.feedbackAsked.link", { link: inLanguage(`${courseUrl(course.id)}/feedback`, language) }),
      ].join("\n"),
    }),
  confirmed:
    ({ name, course, bookedBy }: { name: string; course: LetterCourse; bookedBy?: string | null }): Letter =>
    (t, language) => ({
      subject: t("courses.confirmed.subject", { title: course.title }),
      text: [
        t("greeting", { name }),
        "",
        t("courses.confirmed.body"),
        ...(bookedBy ? [t("courses.bookedBy", { officer: bookedBy })] : []),
        "",
        ...summary(course, t, language),
        "",
        t("courses.inviteAttached"),
        t("courses.confirmed.cancelBy", { cutoff: moment(course.cancellationCutoffAt, language) }),
        "",
        contact(course, t),
      ].join("\n"),
    }),
  waiting:
    ({ name, course, position, bookedBy }: { name: string; course: LetterCourse; position: number; bookedBy?: string | null }): Letter =>
    (t, language) => ({
      subject: t("courses.waiting.subject", { title: course.title }),
      text: [
        t("greeting", { name }),
        "",
        t("courses.waiting.body", { position }),
        ...(bookedBy ? [t("courses.bookedBy", { officer: bookedBy })] : []),
        t("courses.waiting.offers"),
        "",
        ...summary(course, t, language),
        "",
        contact(course, t),
      ].join("\n"),
    }),
  offered:
    ({ name, course, bookingId, expiresAt }: { name: string; course: LetterCourse; bookingId: string; expiresAt: Date }): Letter =>
    (t, language) => ({
      subject: t("courses.offered.subject", { title: course.title }),
      text: [
        t("greeting", { name }),
        "",
        t("courses.offered.body", { expires: moment(expiresAt, language) }),
        "",
        ...summary(course, t, language),
        "",
        t("courses.offered.accept", { link: inLanguage(`${appUrl()}/bookings/${bookingId}/accept`, language) }),
        t("courses.offered.decline", { link: inLanguage(`${appUrl()}/bookings/${bookingId}/decline`, language) }),
        "",
        t("courses.offered.ifNothing"),
      ].join("\n"),
    }),
  offerEndsSoon:
    ({ name, course, bookingId, expiresAt }: { name: string; course: LetterCourse; bookingId: string; expiresAt: Date }): Letter =>
    (t, language) => ({
      subject: t("courses.offerEndsSoon.subject", { title: course.title }),
      text: [
        t("greeting", { name }),
        "",
        t("courses.offerEndsSoon.body", { expires: moment(expiresAt, language) }),
        "",
        ...summary(course, t, language),
        "",
        t("courses.offered.accept", { link: inLanguage(`${appUrl()}/bookings/${bookingId}/accept`, language) }),
        t("courses.offered.decline", { link: inLanguage(`${appUrl()}/bookings/${bookingId}/decline`, language) }),
      ].join("\n"),
    }),
  offerExpired:
    ({ name, course }: { name: string; course: LetterCourse }): Letter =>
    (t, language) => ({
      subject: t("courses.offerExpired.subject", { title: course.title }),
      text: [t("greeting", { name }), "", t("courses.offerExpired.body"), t("courses.joinAgain"), "", ...summary(course, t, language)].join("\n"),
    }),
  declined:
    ({ name, course }: { name: string; course: LetterCourse }): Letter =>
    (t, language) => ({
      subject: t("courses.declined.subject", { title: course.title }),
      text: [t("greeting", { name }), "", t("courses.declined.body"), t("courses.joinAgain"), "", ...summary(course, t, language)].join("\n"),
    }),
  leftWaitingList:
    ({ name, course }: { name: string; course: LetterCourse }): Letter =>
    (t, language) => ({
      subject: t("courses.leftWaitingList.subject", { title: course.title }),
      text: [t("greeting", { name }), "", t("courses.leftWaitingList.body"), t("courses.joinAgain"), "", ...summary(course, t, language)].join("\n"),
    }),
  cancelled:
    ({ name, course }: { name: string; course: LetterCourse }): Letter =>
    (t, language) => ({
      subject: t("courses.cancelled.subject", { title: course.title }),
      text: [t("greeting", { name }), "", t("courses.cancelled.body"), t("courses.cancellationAttached"), "", ...summary(course, t, language)].join("\n"),
    }),
  cancelRequested:
    ({ name, course }: { name: string; course: LetterCourse }): Letter =>
    (t, language) => ({
      subject: t("courses.cancelRequested.subject", { title: course.title }),
      text: [t("greeting", { name }), "", t("courses.cancelRequested.body"), "", ...summary(course, t, language), "", contact(course, t)].join("\n"),
    }),
  placeKept:
    ({ name, course }: { name: string; course: LetterCourse }): Letter =>
    (t, language) => ({
      subject: t("courses.placeKept.subject", { title: course.title }),
      text: [t("greeting", { name }), "", t("courses.placeKept.body"), "", ...summary(course, t, language), "", contact(course, t)].join("\n"),
    }),
  removed:
    ({ name, course }: { name: string; course: LetterCourse }): Letter =>
    (t, language) => ({
      subject: t("courses.removed.subject", { title: course.title }),
      text: [t("greeting", { name }), "", t("courses.removed.body"), t("courses.cancellationAttached"), "", ...summary(course, t, language), "", contact(course, t)].join("\n"),
    }),
  removedFromWaitingList:
    ({ name, course }: { name: string; course: LetterCourse }): Letter =>
    (t, language) => ({
      subject: t("courses.removedFromWaitingList.subject", { title: course.title }),
      text: [t("greeting", { name }), "", t("courses.removedFromWaitingList.body"), "", ...summary(course, t, language), "", contact(course, t)].join("\n"),
    }),
  ineligible:
    ({ name, course }: { name: string; course: LetterCourse }): Letter =>
    (t, language) => ({
      subject: t("courses.ineligible.subject", { title: course.title }),
      text: [t("greeting", { name }), "", t("courses.ineligible.body"), "", ...summary(course, t, language), "", contact(course, t)].join("\n"),
    }),
  courseChanged:
    ({ name, course, withInvite }: { name: string; course: LetterCourse; withInvite: boolean }): Letter =>
    (t, language) => ({
      subject: t("courses.courseChanged.subject", { title: course.title }),
      text: [
        t("greeting", { name }),
        "",
        t("courses.courseChanged.body"),
        "",
        ...summary(course, t, language),
        ...(withInvite ? ["", t("courses.updatedInviteAttached")] : []),
        "",
        contact(course, t),
      ].join("\n"),
    }),
  courseCancelled:
    ({ name, course, hadPlace }: { name: string; course: LetterCourse; hadPlace: boolean }): Letter =>
    (t, language) => ({
      subject: t("courses.courseCancelled.subject", { title: course.title }),
      text: [
        t("greeting", { name }),
        "",
        t(hadPlace ? "courses.courseCancelled.body" : "courses.courseCancelled.bodyWaiting"),
        ...(hadPlace ? [t("courses.cancellationAttached")] : []),
        "",
        ...summary(course, t, language),
        "",
        contact(course, t),
      ].join("\n"),
    }),
};
