import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FeedbackScores } from "~/components/feedback-scores";
import { CourseStatusTag } from "~/components/course-status";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { CheckboxField, ErrorSummary, SelectField, SubmitButton, TextField } from "~/components/forms";
import { BackLink, PageHeading, TableWrap } from "~/components/page";
import { findModule } from "~/content/content.server";
import { TOPICS, type Topic } from "~/content/topics";
import { courseTimes, moment } from "~/courses/course-times.server";
import { cancelCourse, publishCourse } from "~/courses/courses.server";
import { addDelegate, courseForStaff, decideCancellation, givePlace, moveToFront, removeBooking } from "~/courses/delegates.server";
import { feedbackFor } from "~/courses/feedback.server";
import { AUDIENCES, BOOKING_STATUSES, COURSE_FORMATS, NATIONS, placeOf } from "~/courses/rules";
import type { Language, RouteWords } from "~/i18n/config";
import { formatDate } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { notFound, requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm } from "~/utils/forms";
import { requestOrigin } from "~/utils/request.server";
import { CourseStaffActionSchemas } from "~/utils/schemas.server";

export const handle = { i18n: ["staff"] } satisfies RouteWords;

export const meta: MetaFunction = ({ error, matches }) => (error ? errorMeta(error, matches) : pageTitle(matches, (t) => t("pages.staffCourse")));

const noSuchCourse = (t: TFunction) => notFound(t("courses.notFound", { ns: "staff" }));

type Found = NonNullable<Awaited<ReturnType<typeof courseForStaff>>>;

/** The course and its people as the page shows them, every date written here in the page's language. */
function shown({ course, delegates, offers, waiting, ended, freePlaces }: Found, language: Language, now: Date) {
  const at = (instant: Date | null) => (instant ? moment(instant, language) : null);
  const day = (instant: Date | null) => (instant ? formatDate(instant, language) : null);
  const person = ({ id, status, person }: Found["delegates"][number]) => ({
    id,
    status,
    name: person.name,
    email: person.email,
    councils: person.councils.join(", "),
  });
  return {
    course: {
      id: course.id,
      title: course.title,
      status: course.status,
      topic: course.topic,
      format: course.format,
      place: placeOf(course),
      joiningLink: course.joiningLink,
      capacity: course.capacity,
      audience: course.audience,
      nation: course.nation,
      electedWithinMonths: course.electedWithinMonths,
      contact: `${course.contactName} (${course.contactEmail})`,
      offerHours: course.offerHours,
      module: course.moduleId ? (findModule(course.moduleId, language)?.title ?? course.moduleId) : null,
      when: courseTimes(course, language),
      bookingOpens: at(course.bookingOpensAt),
      bookingCloses: at(course.bookingClosesAt),
      cutoff: at(course.cancellationCutoffAt),
      cancelledOn: day(course.cancelledAt),
      bookingClosed: now >= course.bookingClosesAt,
    },
    delegates: delegates.map((booking) => ({
      ...person(booking),
      accessNeeds: booking.accessNeeds,
      dietaryNeeds: booking.dietaryNeeds,
      booked: day(booking.confirmedAt ?? booking.requestedAt),
      cancelRequested: at(booking.cancelRequestedAt),
    })),
    offers: offers.map((booking) => ({ ...person(booking), expires: at(booking.offerExpiresAt) })),
    waiting: waiting.map((booking, index) => ({ ...person(booking), position: index + 1, joined: day(booking.requestedAt) })),
    ended: ended.map((booking) => ({ ...person(booking), endedOn: day(booking.endedAt) })),
    freePlaces,
  };
}

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "courses:manage");
  const courseId = args.params.courseId ?? "";
  const [found, feedback] = await Promise.all([courseForStaff(courseId), feedbackFor(courseId)]);
  if (!found) throw noSuchCourse(translatorFor(args.context.language));
  return { ...shown(found, args.context.language, new Date()), feedback };
}

type Intent = keyof typeof CourseStaffActionSchemas;

/** The page's form that sends each intent: fields of the same name in two forms are told apart by it (fieldId). */
const FORM_OF = {
  publish: "publish",
  cancel: "cancel",
  add: "add",
  remove: "remove",
  "move-to-front": "waiting",
  "give-place": "waiting",
  "release-place": "decide",
  "keep-place": "decide",
} satisfies Record<Intent, string>;

function isIntent(value: unknown): value is Intent {
  return typeof value === "string" && Object.hasOwn(FORM_OF, value);
}

export async function action(args: ActionFunctionArgs) {
  const staff = requirePermission(args, "courses:manage");
  const t = translatorFor(args.context.language);
  const courseId = args.params.courseId ?? "";
  const found = await courseForStaff(courseId);
  if (!found) throw noSuchCourse(t);
  const formData = await args.request.formData();
  const intent = formData.get("intent");
  // Only a form sent by hand lacks one of the page's intents: refuse it as it is.
  if (!isIntent(intent)) return refuseForm(formResult(formData));
  const act = { courseId, actorId: staff.id };
  const origin = requestOrigin(args);
  const done = (message: string) => redirectWithFlash(`/staff/courses/${courseId}`, message);
  const refuse = (formError: string) => refuseForm(formResult(formData, { formError }));
  const nameOf = (bookingId: string) => [...found.delegates, ...found.offers, ...found.waiting].find((booking) => booking.id === bookingId)?.person.name ?? "";

  switch (intent) {
    case "publish": {
      const outcome = await publishCourse(act, origin);
      return outcome.status === "published" ? done(t("staff:courses.outcomes.published")) : refuse(t("staff:courses.outcomes.notDraft"));
    }
    case "cancel": {
      const form = parseForm(formData, CourseStaffActionSchemas.cancel, t);
      if (!form.ok) return refuseForm(form.result);
      const outcome = await cancelCourse(act, origin);
      if (outcome.status === "not-found") throw noSuchCourse(t);
      if (outcome.status === "already") return refuse(t("staff:courses.outcomes.alreadyCancelled"));
      return done(t("staff:courses.outcomes.cancelled", { count: outcome.told }));
    }
    case "add": {
      const form = parseForm(formData, CourseStaffActionSchemas.add, t);
      if (!form.ok) return refuseForm(form.result);
      const outcome = await addDelegate({ ...act, ...form.data }, origin);
      const onEmail = (message: string) => refuseForm(formResult(formData, { fieldErrors: { email: message } }));
      if (outcome.status === "not-found") throw noSuchCourse(t);
      if (outcome.status === "no-such-person") return onEmail(t("staff:courses.outcomes.noSuchPerson"));
      if (outcome.status === "already") return onEmail(t("staff:courses.outcomes.alreadyDelegate"));
      if (outcome.status === "full") return refuse(t("staff:courses.outcomes.full"));
      if (outcome.status === "cancelled") return refuse(t("staff:courses.outcomes.courseCancelled"));
      if (outcome.status === "draft") return refuse(t("staff:courses.outcomes.draftNoDelegates"));
      return done(t("staff:courses.outcomes.added", { email: form.data.email }));
    }
    case "remove": {
      const form = parseForm(formData, CourseStaffActionSchemas.remove, t);
      if (!form.ok) return refuseForm(form.result);
      const outcome = await removeBooking({ ...act, ...form.data }, origin);
      if (outcome.status !== "removed") return refuse(t("staff:courses.outcomes.notOnList"));
      return done(t("staff:courses.outcomes.removed", { name: nameOf(form.data.bookingId) }));
    }
    case "move-to-front": {
      const form = parseForm(formData, CourseStaffActionSchemas["move-to-front"], t);
      if (!form.ok) return refuseForm(form.result);
      const outcome = await moveToFront({ ...act, ...form.data }, origin);
      if (outcome.status !== "moved") return refuse(t("staff:courses.outcomes.notWaiting"));
      return done(t("staff:courses.outcomes.moved", { name: nameOf(form.data.bookingId) }));
    }
    case "give-place": {
      const form = parseForm(formData, CourseStaffActionSchemas["give-place"], t);
      if (!form.ok) return refuseForm(form.result);
      const outcome = await givePlace({ ...act, ...form.data }, origin);
      if (outcome.status === "full") return refuse(t("staff:courses.outcomes.noFreePlace"));
      if (outcome.status !== "given") return refuse(t("staff:courses.outcomes.notWaiting"));
      return done(t("staff:courses.outcomes.given", { name: nameOf(form.data.bookingId) }));
    }
    case "release-place":
    case "keep-place": {
      const form = parseForm(formData, CourseStaffActionSchemas[intent], t);
      if (!form.ok) return refuseForm(form.result);
      const name = nameOf(form.data.bookingId);
      const outcome = await decideCancellation({ ...act, bookingId: form.data.bookingId, release: intent === "release-place" }, origin);
      if (outcome.status === "released") return done(t("staff:courses.outcomes.released", { name }));
      return outcome.status === "kept" ? done(t("staff:courses.outcomes.kept", { name })) : refuse(t("staff:courses.outcomes.noRequest"));
    }
  }
}

/** The value among `keys` that `value` is, typed; null when it is none of them (a value stored before a change of words). */
function oneOf<K extends string>(keys: readonly K[], value: string | null): K | null {
  return keys.find((key) => key === value) ?? null;
}
const TOPIC_KEYS = Object.keys(TOPICS) as Topic[];

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export default function StaffCourse() {
  const { course, delegates, offers, waiting, ended, freePlaces, feedback } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(["staff", "courses"]);
  const values = result?.values;
  const sentFrom = isIntent(values?.intent) ? FORM_OF[values.intent] : undefined;
  const errorsFor = (form: string) => (sentFrom === form ? result?.fieldErrors : undefined);
  const valuesFor = (form: string) => (sentFrom === form ? values : undefined);
  const notCancelled = course.status !== "cancelled";
  const status = (value: string) => {
    const known = oneOf(BOOKING_STATUSES, value);
    return known ? t(`courses:statuses.${known}`) : value;
  };
  const topic = oneOf(TOPIC_KEYS, course.topic);
  const format = oneOf(COURSE_FORMATS, course.format);
  const audience = oneOf(AUDIENCES, course.audience);
  const nation = oneOf(NATIONS, course.nation);
  const requests = delegates.filter((delegate) => delegate.cancelRequested);
  const people = [...delegates, ...offers, ...waiting];
  const personOption = (person: (typeof people)[number]) => ({ value: person.id, label: `${person.name} (${person.email}): ${status(person.status)}` });
  const reasonField = (form: string) => (
    <TextField
      name="reason"
      formName={form}
      label={t("courses.reason")}
      hint={t("courses.reasonHint")}
      defaultValue={valuesFor(form)?.reason}
      error={errorsFor(form)?.reason}
      maxLength={300}
    />
  );
  return (
    <>
      <BackLink to="/staff/courses">{t("courses.allCourses")}</BackLink>
      <ErrorSummary result={result} formName={sentFrom} order={["confirm", "bookingId", "email", "reason"]} />
      <PageHeading caption={t("courses.course.caption")}>{course.title}</PageHeading>
      <p>
        <CourseStatusTag status={course.status} />
      </p>
      {course.status === "draft" ? (
        <div className="notice notice--info">
          <p>{t("courses.course.draft")}</p>
          <Form method="post">
            <SubmitButton name="intent" value="publish">
              {t("courses.course.publish")}
            </SubmitButton>
          </Form>
        </div>
      ) : null}
      {/* what the page is about, not news: no live region (the flash message above is one) */}
      {course.status === "cancelled" ? <p className="notice notice--info">{t("courses.course.cancelledOn", { date: course.cancelledOn })}</p> : null}
      <ul className="link-list">
        {notCancelled ? (
          <li>
            <Link to={`/staff/courses/${course.id}/edit`}>{t("courses.course.edit")}</Link>
          </li>
        ) : null}
        <li>
          <Link to={`/staff/courses/${course.id}/register`}>{t("courses.course.register")}</Link>
        </li>
        <li>
          <Link to={`/staff/courses/${course.id}/sign-in-sheet`}>{t("courses.course.signInSheet")}</Link>
        </li>
        <li>
          {/* a file, not a page: the browser downloads it */}
          <a href={`/staff/courses/${course.id}/delegates.csv`} download>
            {t("courses.course.download")}
          </a>
        </li>
      </ul>

      <dl className="summary-list">
        <Row label={t("courses:when")}>{course.when}</Row>
        <Row label={t("courses.course.topic")}>{topic ? t(`courses:topics.${topic}`) : course.topic}</Row>
        <Row label={t("courses.course.format")}>{format ? t(`courses:formats.${format}`) : course.format}</Row>
        {course.place ? <Row label={t("courses:where")}>{course.place}</Row> : null}
        {course.joiningLink ? <Row label={t("courses:course.joiningLink")}>{course.joiningLink}</Row> : null}
        <Row label={t("courses.course.places")}>{t("courses.placesHeld", { held: delegates.length + offers.length, capacity: course.capacity })}</Row>
        <Row label={t("courses.course.booking")}>{t("courses.course.bookingWindow", { opens: course.bookingOpens, closes: course.bookingCloses })}</Row>
        <Row label={t("courses.course.cutoff")}>{course.cutoff}</Row>
        <Row label={t("courses:course.whoMayBook")}>
          {audience ? t(`courses:audiences.${audience}`) : course.audience}
          {nation ? `. ${t(`courses:nations.${nation}`)}` : null}
          {course.electedWithinMonths ? `. ${t("courses:course.electedWithin", { count: course.electedWithinMonths })}` : null}
        </Row>
        {course.module ? <Row label={t("courses.course.module")}>{course.module}</Row> : null}
        <Row label={t("courses:course.contact")}>{course.contact}</Row>
        <Row label={t("courses.course.offersHeld")}>{t("courses.course.offerHours", { count: course.offerHours })}</Row>
      </dl>

      <h2>{t("courses.delegates.heading")}</h2>
      {delegates.length === 0 ? (
        <p>{t("courses.delegates.none")}</p>
      ) : (
        <TableWrap label={t("courses.delegates.caption")}>
          <table>
            <caption className="visually-hidden">{t("courses.delegates.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("courses.columns.name")}</th>
                <th scope="col">{t("courses.columns.email")}</th>
                <th scope="col">{t("courses.columns.council")}</th>
                <th scope="col">{t("courses.columns.accessNeeds")}</th>
                <th scope="col">{t("courses.columns.dietaryNeeds")}</th>
                <th scope="col">{t("courses.columns.booked")}</th>
              </tr>
            </thead>
            <tbody>
              {delegates.map((delegate) => (
                <tr key={delegate.id}>
                  <td>
                    {delegate.name}
                    {delegate.cancelRequested ? (
                      <>
                        {" "}
                        <strong className="tag tag--red">{t("courses.delegates.cancelRequested")}</strong>
                      </>
                    ) : null}
                  </td>
                  <td className="wrap">{delegate.email}</td>
                  <td>{delegate.councils || "–"}</td>
                  <td className="wrap">{delegate.accessNeeds || "–"}</td>
                  <td className="wrap">{delegate.dietaryNeeds || "–"}</td>
                  <td>{delegate.booked}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {notCancelled && requests.length > 0 ? (
        <>
          <h3>{t("courses.requests.heading")}</h3>
          <p>{t("courses.requests.intro")}</p>
          <ul className="request-list">
            {requests.map((request) => (
              <li key={request.id}>
                <p>{t("courses.requests.asked", { name: request.name, time: request.cancelRequested })}</p>
                <Form method="post">
                  <input type="hidden" name="bookingId" value={request.id} />
                  <SubmitButton secondary name="intent" value="release-place">
                    {t("courses.requests.release")}
                    <span className="visually-hidden"> {request.name}</span>
                  </SubmitButton>
                  <SubmitButton secondary name="intent" value="keep-place">
                    {t("courses.requests.keep")}
                    <span className="visually-hidden"> {request.name}</span>
                  </SubmitButton>
                </Form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {notCancelled && people.length > 0 ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="remove" />
          <h3>{t("courses.remove.heading")}</h3>
          <p>{t("courses.remove.intro")}</p>
          <SelectField
            name="bookingId"
            formName="remove"
            label={t("courses.person")}
            options={[{ value: "", label: t("courses.choosePerson") }, ...people.map(personOption)]}
            defaultValue={valuesFor("remove")?.bookingId}
            error={errorsFor("remove")?.bookingId}
          />
          {reasonField("remove")}
          <SubmitButton warning>{t("courses.remove.submit")}</SubmitButton>
        </Form>
      ) : null}

      <h2>{t("courses.offers.heading")}</h2>
      {offers.length === 0 ? (
        <p>{t("courses.offers.none")}</p>
      ) : (
        <TableWrap label={t("courses.offers.caption")}>
          <table>
            <caption className="visually-hidden">{t("courses.offers.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("courses.columns.name")}</th>
                <th scope="col">{t("courses.columns.email")}</th>
                <th scope="col">{t("courses.columns.expires")}</th>
              </tr>
            </thead>
            <tbody>
              {offers.map((offer) => (
                <tr key={offer.id}>
                  <td>{offer.name}</td>
                  <td className="wrap">{offer.email}</td>
                  <td>{offer.expires}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      <h2>{t("courses.waiting.heading")}</h2>
      <p>
        {t("courses.waiting.freePlaces", { count: freePlaces })} {course.bookingClosed ? t("courses.waiting.afterClosing") : t("courses.waiting.whileOpen")}
      </p>
      {waiting.length === 0 ? (
        <p>{t("courses.waiting.none")}</p>
      ) : (
        <TableWrap label={t("courses.waiting.caption")}>
          <table>
            <caption className="visually-hidden">{t("courses.waiting.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("courses.columns.position")}</th>
                <th scope="col">{t("courses.columns.name")}</th>
                <th scope="col">{t("courses.columns.email")}</th>
                <th scope="col">{t("courses.columns.council")}</th>
                <th scope="col">{t("courses.columns.joined")}</th>
              </tr>
            </thead>
            <tbody>
              {waiting.map((person) => (
                <tr key={person.id}>
                  <td>{person.position}</td>
                  <td>{person.name}</td>
                  <td className="wrap">{person.email}</td>
                  <td>{person.councils || "–"}</td>
                  <td>{person.joined}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {notCancelled && waiting.length > 0 ? (
        <Form method="post" noValidate>
          <h3>{t("courses.waiting.actHeading")}</h3>
          <p>{t("courses.waiting.actIntro")}</p>
          <SelectField
            name="bookingId"
            formName="waiting"
            label={t("courses.person")}
            options={[{ value: "", label: t("courses.choosePerson") }, ...waiting.map(personOption)]}
            defaultValue={valuesFor("waiting")?.bookingId}
            error={errorsFor("waiting")?.bookingId}
          />
          {reasonField("waiting")}
          <SubmitButton secondary name="intent" value="move-to-front">
            {t("courses.waiting.moveToFront")}
          </SubmitButton>
          <SubmitButton secondary name="intent" value="give-place">
            {t("courses.waiting.givePlace")}
          </SubmitButton>
        </Form>
      ) : null}

      {course.status === "published" ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="add" />
          <h2>{t("courses.add.heading")}</h2>
          <p>{t("courses.add.intro")}</p>
          {/* Someone else's address: no autocomplete from the staff member's own details. */}
          <TextField
            name="email"
            formName="add"
            label={t("courses.add.email")}
            type="email"
            autoComplete="off"
            spellCheck={false}
            defaultValue={valuesFor("add")?.email}
            error={errorsFor("add")?.email}
          />
          {reasonField("add")}
          <SubmitButton secondary>{t("courses.add.submit")}</SubmitButton>
        </Form>
      ) : null}

      <h2>{t("courses.ended.heading")}</h2>
      {ended.length === 0 ? (
        <p>{t("courses.ended.none")}</p>
      ) : (
        <ul className="ended-list">
          {ended.map((person) => (
            <li key={person.id}>
              {person.name} <span className="secondary break-anywhere">({person.email})</span>: {status(person.status)}
              {person.endedOn ? `, ${person.endedOn}` : null}
            </li>
          ))}
        </ul>
      )}

      <Feedback feedback={feedback} />

      {notCancelled ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="cancel" />
          <h2>{t("courses.cancel.heading")}</h2>
          <p>{t("courses.cancel.explained")}</p>
          <CheckboxField name="confirm" formName="cancel" label={t("courses.cancel.confirm")} error={errorsFor("cancel")?.confirm} />
          <SubmitButton warning>{t("courses.cancel.submit")}</SubmitButton>
        </Form>
      ) : null}
    </>
  );
}

/**
 * What delegates who attended said: responses against attendance, how useful they found it (average and
 * each point of the scale), and what they wrote, without names (feedback is anonymous, to staff too).
 */
function Feedback({ feedback }: { feedback: ReturnType<typeof useLoaderData<typeof loader>>["feedback"] }) {
  const { t } = useTranslation(["staff", "courses"]);
  const answers = (heading: string, id: string, texts: string[]) => (
    <>
      <h3 id={id}>{heading}</h3>
      {texts.length === 0 ? (
        <p>{t("courses.feedback.noneWritten")}</p>
      ) : (
        <ul className="feedback-answers" aria-labelledby={id}>
          {texts.map((text, index) => (
            <li key={index} className="wrap">
              {text}
            </li>
          ))}
        </ul>
      )}
    </>
  );
  return (
    <section aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">{t("courses.feedback.heading")}</h2>
      <p>{t("courses.feedback.intro")}</p>
      {feedback.attended === 0 ? (
        <p>{t("courses.feedback.noAttended")}</p>
      ) : (
        <p>{t("courses.feedback.responses", { count: feedback.count, attended: feedback.attended, rate: Math.round((feedback.responseRate ?? 0) * 100) })}</p>
      )}
      {feedback.count === 0 ? (
        feedback.attended > 0 ? <p>{t("courses.feedback.none")}</p> : null
      ) : (
        <>
          <p>{t("courses.feedback.average", { average: feedback.average })}</p>
          <FeedbackScores
            caption={t("courses.feedback.distributionCaption")}
            scoreHeading={t("courses.feedback.usefulness")}
            countHeading={t("courses.feedback.count")}
            distribution={feedback.distribution}
          />
          {answers(t("courses.feedback.willDoHeading"), "feedback-will-do", feedback.willDo)}
          {answers(t("courses.feedback.commentsHeading"), "feedback-comments", feedback.comments)}
        </>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("staff");
  return <RouteErrorBoundary links={[{ to: "/staff/courses", label: t("courses.allCourses") }]} />;
}
