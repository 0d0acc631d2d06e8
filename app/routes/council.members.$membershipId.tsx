import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { EmailField, ErrorSummary, RadioField, SelectField, SubmitButton, TextField } from "~/components/forms";
import { courseLang } from "~/components/course-text";
import { MemberKind } from "~/components/member-kind";
import { BackLink, PageHeading } from "~/components/page";
import { TrainingStatusText } from "~/components/training-status";
import { appointToCommittee, listCommittees, removeFromCommittee } from "~/councils/committees.server";
import { COMMITTEE_ROLES, MEMBERSHIP_KINDS } from "~/councils/kinds";
import { mergeCandidates, requestMemberEmailChange } from "~/councils/member-accounts.server";
import { confirmMember, getMember, markLeftOffice, returnToOffice, updateMembership } from "~/councils/membership.server";
import { formatDate } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import { modulesForOfficer } from "~/requirements/officer-view.server";
import { bookMember, enrolMember } from "~/requirements/on-behalf.server";
import { getCatalogue } from "~/content/content.server";
import { listUpcomingCourses } from "~/courses/courses.server";
import { councilTraining } from "~/requirements/status.server";
import { getCouncil } from "~/models/council.server";
import { notFound, requireCouncilOfficer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm, toDateInputValue } from "~/utils/forms";
import { appUrl, requestOrigin } from "~/utils/request.server";
import { MemberActionSchemas } from "~/utils/schemas.server";
import type { RouteWords } from "~/i18n/config";

export const handle = { i18n: ["council"] } satisfies RouteWords;

export const meta: MetaFunction = ({ error, matches }) => (error ? errorMeta(error, matches) : pageTitle(matches, (t) => t("pages.councilMember")));

const noSuchMember = (t: TFunction) => notFound(t("member.notFound", { ns: "council" }));

export async function loader(args: LoaderFunctionArgs) {
  const { councilId } = requireCouncilOfficer(args, "council:view-members");
  const membershipId = args.params.membershipId ?? "";
  const [council, member, committees, others, training] = await Promise.all([
    getCouncil(councilId),
    getMember({ councilId, membershipId }),
    listCommittees(councilId),
    mergeCandidates({ councilId, membershipId }),
    councilTraining({ councilId, membershipId, language: args.context.language }),
  ]);
  if (!council || !member) throw noSuchMember(translatorFor(args.context.language));
  const [modules, courses] = await Promise.all([
    modulesForOfficer({ councilId, userId: member.user.id, language: args.context.language }),
    listUpcomingCourses({ filters: { topic: "", format: "", month: "" }, viewerId: member.user.id }),
  ]);
  const now = new Date();
  // what the officer can enrol them on or book them onto: modules not finished, courses open to them and not booked
  const toEnrol = getCatalogue(args.context.language).modules.filter((m) => !modules.some((started) => started.id === m.id && started.state === "completed"));
  const toBook = courses.filter((course) => course.forViewer && !course.booking && course.bookingOpensAt <= now && now < course.bookingClosesAt);
  // Dates as the date boxes take them, worked out here so the page's script needs no date code
  const form = {
    memberSince: toDateInputValue(member.memberSince),
    termStartedOn: toDateInputValue(member.termStartedOn),
    today: toDateInputValue(new Date()),
  };
  // where they stand on each requirement that applies to them
  const owed = training.requirements.flatMap(({ id, label, standings }) => standings.map(({ status }) => ({ id, label, status })));
  return { council, member, committees: committees.map(({ id, name }) => ({ id, name })), others, form, training: owed, modules,
    toEnrol: toEnrol.map(({ id, title }) => ({ id, title })),
    toBook: toBook.map(({ id, title, startsAt, language }) => ({ id, title, startsAt, language })),
  };
}

function isIntent(value: unknown): value is keyof typeof MemberActionSchemas {
  return typeof value === "string" && Object.hasOwn(MemberActionSchemas, value);
}

export async function action(args: ActionFunctionArgs) {
  const { officer, councilId } = requireCouncilOfficer(args, "council:keep-members");
  const t = translatorFor(args.context.language);
  const membershipId = args.params.membershipId ?? "";
  if (!(await getMember({ councilId, membershipId }))) throw noSuchMember(t);
  const formData = await args.request.formData();
  const intent = formData.get("intent");
  // Only a form sent by hand lacks one of the page's intents: refuse it as it is.
  if (!isIntent(intent)) return refuseForm(formResult(formData));
  const act = { councilId, membershipId, actorId: officer.id };
  const origin = requestOrigin(args);
  const here = `/council/members/${membershipId}`;
  const done = async (outcome: { status: string }, message: `member.${"confirmed" | "saved" | "markedLeft" | "returned" | "appointed" | "removedFromCommittee"}`) => {
    if (outcome.status === "not-found") throw noSuchMember(t);
    return redirectWithFlash(here, t(message, { ns: "council" }));
  };

  switch (intent) {
    case "confirm":
      return done(await confirmMember(act, origin), "member.confirmed");
    case "details": {
      const form = parseForm(formData, MemberActionSchemas.details, t);
      if (!form.ok) return refuseForm(form.result);
      return done(await updateMembership({ ...act, details: form.data }, origin), "member.saved");
    }
    case "left-office": {
      const form = parseForm(formData, MemberActionSchemas["left-office"], t);
      if (!form.ok) return refuseForm(form.result);
      return done(await markLeftOffice({ ...act, leftOfficeOn: form.data.leftOfficeOn }, origin), "member.markedLeft");
    }
    case "return-to-office":
      return done(await returnToOffice(act, origin), "member.returned");
    case "appoint": {
      const form = parseForm(formData, MemberActionSchemas.appoint, t);
      if (!form.ok) return refuseForm(form.result);
      const { committeeId, role, appointedOn } = form.data;
      const outcome = await appointToCommittee({ ...act, seat: { committeeId, role, appointedOn } }, origin);
      if (outcome.status === "not-found") return refuseForm(formResult(formData, { fieldErrors: { committeeId: t("committee.choose", { ns: "validation" }) } }));
      return done(outcome, "member.appointed");
    }
    case "change-email": {
      const form = parseForm(formData, MemberActionSchemas["change-email"], t);
      if (!form.ok) return refuseForm(form.result);
      const outcome = await requestMemberEmailChange({ ...act, email: form.data.email, appUrl: appUrl() }, origin);
      if (outcome.status === "email-taken" || outcome.status === "unchanged") {
        const message = outcome.status === "email-taken" ? t("member.emailTaken", { ns: "council" }) : t("member.emailUnchanged", { ns: "council" });
        return refuseForm(formResult(formData, { fieldErrors: { email: message } }));
      }
      if (outcome.status === "not-found") throw noSuchMember(t);
      return redirectWithFlash(here, t("member.emailLinkSent", { ns: "council", email: form.data.email }));
    }
    case "remove-from-committee": {
      const form = parseForm(formData, MemberActionSchemas["remove-from-committee"], t);
      if (!form.ok) throw noSuchMember(t);
      return done(await removeFromCommittee({ ...act, committeeId: form.data.committeeId }, origin), "member.removedFromCommittee");
    }
    case "enrol-module": {
      requireCouncilOfficer(args, "council:require-training");
      const form = parseForm(formData, MemberActionSchemas["enrol-module"], t);
      if (!form.ok) return refuseForm(form.result);
      const outcome = await enrolMember({ ...act, moduleId: form.data.moduleId }, origin);
      if (outcome.status === "not-found") throw noSuchMember(t);
      if (outcome.status !== "enrolled") return refuseForm(formResult(formData, { fieldErrors: { moduleId: t(`member.enrol.${outcome.status}`, { ns: "council" }) } }));
      return redirectWithFlash(here, t("member.enrol.done", { ns: "council" }));
    }
    case "book-course": {
      requireCouncilOfficer(args, "council:require-training");
      const form = parseForm(formData, MemberActionSchemas["book-course"], t);
      if (!form.ok) return refuseForm(form.result);
      const outcome = await bookMember({ ...act, courseId: form.data.courseId }, origin);
      if (outcome.status === "confirmed" || outcome.status === "waiting") {
        return redirectWithFlash(here, outcome.status === "confirmed" ? t("member.book.confirmed", { ns: "council" }) : t("member.book.waiting", { ns: "council", position: outcome.position }));
      }
      // the member was checked above: "not-found" is the course (a draft or one that does not exist)
      const problem = BOOKING_PROBLEMS[outcome.status] ?? "notOpen";
      return refuseForm(formResult(formData, { fieldErrors: { courseId: t(`member.book.${problem}`, { ns: "council" }) } }));
    }
  }
}

/** What the officer is told, beside the course, when a booking for a member is refused. */
const BOOKING_PROBLEMS: Record<string, "notEligible" | "already" | "removed" | "noSuchCourse"> = {
  "not-eligible": "notEligible",
  already: "already",
  removed: "removed",
  "not-found": "noSuchCourse",
};

const DETAIL_FIELDS = ["kind", "memberSince", "termStartedOn", "ward", "partyGroup"];

export default function CouncilMember() {
  const { council, member, committees, others, form, training, modules, toEnrol, toBook } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(["council", "common"]);
  const language = useLanguage();
  const values = result?.values;
  const intent = values?.intent;
  const errorsFor = (which: string) => (intent === which ? result?.fieldErrors : undefined);
  const date = (value: Date | string | null) => (value ? formatDate(value, language) : t("member.notRecorded"));
  const kind = member.kind === "elected" ? "elected" : "appointed";
  const free = committees.filter((committee) => !member.committees.some((seat) => seat.committee.id === committee.id));
  return (
    <>
      <BackLink to={member.leftOfficeOn ? "/council/left" : "/council"}>{t(member.leftOfficeOn ? "member.backToLeft" : "member.back")}</BackLink>
      <ErrorSummary result={result} order={[...DETAIL_FIELDS, "leftOfficeOn", "committeeId", "role", "appointedOn", "moduleId", "courseId", "email"]} />
      <PageHeading caption={council.name}>{member.user.name}</PageHeading>
      {/* what the page is about, not news: no live region (the flash message above is one) */}
      {member.leftOfficeOn ? <p className="notice notice--info">{t("member.leftOn", { date: formatDate(member.leftOfficeOn, language) })}</p> : null}
      {!member.confirmedAt ? (
        <div className="notice notice--info">
          <p>{t("member.claimExplained")}</p>
          <Form method="post">
            <SubmitButton name="intent" value="confirm">
              {t("member.confirm")}
            </SubmitButton>
          </Form>
        </div>
      ) : null}
      <dl className="summary-list">
        <div>
          <dt>{t("member.email")}</dt>
          <dd className="break-anywhere">{member.user.email}</dd>
        </div>
        <div>
          <dt>{t("member.kind")}</dt>
          <dd>
            <MemberKind kind={member.kind} />
          </dd>
        </div>
        <div>
          <dt>{t(`member.since.${kind}`)}</dt>
          <dd>{date(member.memberSince)}</dd>
        </div>
        <div>
          <dt>{t("member.termStarted")}</dt>
          <dd>{date(member.termStartedOn)}</dd>
        </div>
        <div>
          <dt>{t("member.ward")}</dt>
          <dd>{member.ward ?? t("member.notRecorded")}</dd>
        </div>
        <div>
          <dt>{t("member.partyGroup")}</dt>
          <dd>{member.partyGroup ?? t("member.notRecorded")}</dd>
        </div>
        <div>
          <dt>{t("member.account")}</dt>
          <dd>{member.user.invited ? t("member.invited") : t("member.signedUp")}</dd>
        </div>
      </dl>

      <h2>{t("member.committeesHeading")}</h2>
      {member.committees.length === 0 ? (
        <p>{t("member.noCommittees")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("member.committeesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("member.committee")}</th>
                <th scope="col">{t("member.role")}</th>
                <th scope="col">{t("member.appointedOn")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("member.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {member.committees.map((seat) => (
                <tr key={seat.id}>
                  <td>{seat.committee.name}</td>
                  <td>{t(`roles.${seat.role === "substitute" ? "substitute" : "member"}`)}</td>
                  <td>{formatDate(seat.appointedOn, language)}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove-from-committee" />
                      <input type="hidden" name="committeeId" value={seat.committee.id} />
                      <SubmitButton secondary>
                        {t("member.removeFromCommittee")}
                        <span className="visually-hidden"> {seat.committee.name}</span>
                      </SubmitButton>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {free.length > 0 && !member.leftOfficeOn ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="appoint" />
          <h3>{t("member.appointHeading")}</h3>
          <SelectField
            name="committeeId"
            label={t("member.committee")}
            options={[{ value: "", label: t("member.chooseCommittee") }, ...free.map((committee) => ({ value: committee.id, label: committee.name }))]}
            defaultValue={intent === "appoint" ? values?.committeeId : ""}
            error={errorsFor("appoint")?.committeeId}
          />
          <RadioField
            name="role"
            legend={t("member.role")}
            options={COMMITTEE_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            defaultValue={intent === "appoint" ? values?.role : "member"}
            error={errorsFor("appoint")?.role}
          />
          <TextField
            name="appointedOn"
            label={t("member.appointedOn")}
            type="date"
            width="date"
            defaultValue={intent === "appoint" ? values?.appointedOn : form.termStartedOn || form.today}
            error={errorsFor("appoint")?.appointedOn}
          />
          <SubmitButton secondary>{t("member.appoint")}</SubmitButton>
        </Form>
      ) : committees.length === 0 ? (
        <p>{t("member.noCommitteesYet")}</p>
      ) : null}

      <h2>{t("member.trainingHeading")}</h2>
      {training.length === 0 ? (
        <p>{t("member.trainingNone")}</p>
      ) : (
        <ul className="plain-list">
          {training.map((requirement) => (
            <li key={requirement.id}>
              <Link to={`/council/requirements/${requirement.id}`}>{requirement.label}</Link>: <TrainingStatusText status={requirement.status} />
            </li>
          ))}
        </ul>
      )}
      <ul className="link-list">
        <li>
          <Link to={`/council/members/${member.id}/training`}>{t("member.trainingRecord")}</Link>
        </li>
        <li>
          <Link to={`/council/members/${member.id}/record`}>{t("member.yearRecord")}</Link>
        </li>
      </ul>
      <h3>{t("member.modulesHeading")}</h3>
      {modules.length === 0 ? (
        <p>{t("member.modulesNone")}</p>
      ) : (
        <ul>
          {modules.map((module) => (
            <li key={module.id}>
              {module.title}:{" "}
              {module.completedAt
                ? t("member.moduleCompleted", { date: formatDate(module.completedAt, language) })
                : t("member.moduleInProgress", { percent: module.percent })}
              {module.bestScore !== null ? ` ${t("member.moduleScore", { score: module.bestScore })}` : null}
            </li>
          ))}
        </ul>
      )}
      {member.confirmedAt && !member.leftOfficeOn ? (
        <>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="enrol-module" />
            <SelectField
              name="moduleId"
              label={t("member.enrol.label")}
              hint={t("member.enrol.hint")}
              options={[{ value: "", label: t("member.enrol.choose") }, ...toEnrol.map((m) => ({ value: m.id, label: m.title }))]}
              defaultValue={intent === "enrol-module" ? values?.moduleId : ""}
              error={errorsFor("enrol-module")?.moduleId}
            />
            <SubmitButton secondary>{t("member.enrol.submit")}</SubmitButton>
          </Form>
          {toBook.length === 0 ? (
            <p>{t("member.book.none")}</p>
          ) : (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="book-course" />
              <SelectField
                name="courseId"
                label={t("member.book.label")}
                hint={t("member.book.hint")}
                options={[{ value: "", label: t("member.book.choose") }, ...toBook.map((c) => ({ value: c.id, label: `${c.title}, ${formatDate(c.startsAt, language)}`, lang: courseLang(c.language) }))]}
                defaultValue={intent === "book-course" ? values?.courseId : ""}
                error={errorsFor("book-course")?.courseId}
              />
              <SubmitButton secondary>{t("member.book.submit")}</SubmitButton>
            </Form>
          )}
        </>
      ) : null}

      <h2>{t("member.detailsHeading")}</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="details" />
        <RadioField
          name="kind"
          legend={t("member.kind")}
          options={MEMBERSHIP_KINDS.map((option) => ({ value: option, label: t(`common:membershipKinds.${option}`) }))}
          defaultValue={intent === "details" ? values?.kind : member.kind}
          error={errorsFor("details")?.kind}
        />
        <TextField
          name="memberSince"
          label={t("member.since.either")}
          type="date"
          width="date"
          defaultValue={intent === "details" ? values?.memberSince : form.memberSince}
          error={errorsFor("details")?.memberSince}
        />
        <TextField
          name="termStartedOn"
          label={t("member.termStarted")}
          hint={t("member.termStartedHint")}
          type="date"
          width="date"
          defaultValue={intent === "details" ? values?.termStartedOn : form.termStartedOn}
          error={errorsFor("details")?.termStartedOn}
        />
        <TextField name="ward" label={t("member.wardOptional")} defaultValue={intent === "details" ? values?.ward : (member.ward ?? "")} error={errorsFor("details")?.ward} maxLength={100} />
        <TextField
          name="partyGroup"
          label={t("member.partyGroupOptional")}
          defaultValue={intent === "details" ? values?.partyGroup : (member.partyGroup ?? "")}
          error={errorsFor("details")?.partyGroup}
          maxLength={100}
        />
        <SubmitButton secondary>{t("member.save")}</SubmitButton>
      </Form>

      <h2>{t("member.accountHeading")}</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="change-email" />
        <EmailField
          label={t("member.newEmail")}
          hint={t("member.newEmailHint")}
          defaultValue={intent === "change-email" ? values?.email : ""}
          error={errorsFor("change-email")?.email}
        />
        <SubmitButton secondary>{t("member.sendEmailLink")}</SubmitButton>
      </Form>
      {others.length > 0 ? (
        <Form method="get" action={`/council/members/${member.id}/merge`}>
          <h3>{t("member.mergeHeading")}</h3>
          <p>{t("member.mergeIntro")}</p>
          <SelectField
            name="with"
            label={t("member.otherAccount")}
            options={others.map((other) => ({ value: other.membershipId, label: `${other.name} (${other.email})` }))}
          />
          <SubmitButton secondary>{t("member.reviewMerge")}</SubmitButton>
        </Form>
      ) : null}

      <h2>{t("member.officeHeading")}</h2>
      {member.leftOfficeOn ? (
        <Form method="post">
          <p>{t("member.returnExplained")}</p>
          <SubmitButton secondary name="intent" value="return-to-office">
            {t("member.returnToOffice")}
          </SubmitButton>
        </Form>
      ) : (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="left-office" />
          <p>{t("member.leaveExplained")}</p>
          <TextField
            name="leftOfficeOn"
            label={t("member.leftOfficeOn")}
            type="date"
            width="date"
            defaultValue={intent === "left-office" ? values?.leftOfficeOn : form.today}
            error={errorsFor("left-office")?.leftOfficeOn}
          />
          <SubmitButton warning>{t("member.markLeft")}</SubmitButton>
        </Form>
      )}
    </>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("council");
  return <RouteErrorBoundary links={[{ to: "/council", label: t("member.back") }]} />;
}
