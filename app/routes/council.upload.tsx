import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CouncilNav } from "~/components/council-nav";
import { ErrorSummary, SubmitButton, TextArea, TextField } from "~/components/forms";
import { PageHeading, TableWrap } from "~/components/page";
import { applyMemberList, checkMemberList, MEMBER_LIST_MAX_ROWS, memberListFingerprint, type MemberListProblem } from "~/councils/member-list.server";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { getCouncil } from "~/models/council.server";
import { notFound, requireCouncilOfficer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm, toDateInputValue } from "~/utils/forms";
import { appUrl, requestOrigin } from "~/utils/request.server";
import { LeftOfficeSchema } from "~/utils/schemas.server";
import type { RouteWords } from "~/i18n/config";

export const handle = { i18n: ["council"] } satisfies RouteWords;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.councilUpload"));

export async function loader(args: LoaderFunctionArgs) {
  const { councilId } = requireCouncilOfficer(args, "council:keep-members");
  const council = await getCouncil(councilId);
  if (!council) throw notFound(translatorFor(args.context.language)("councilNotFound", { ns: "council" }));
  return { council, today: toDateInputValue(new Date()), maxRows: MEMBER_LIST_MAX_ROWS };
}

/** The file chosen, or else the text in the box (pasted, or corrected after a check). */
async function listText(formData: FormData) {
  const file = formData.get("file");
  if (file instanceof File && file.size > 0) return file.text();
  const text = formData.get("text");
  return typeof text === "string" ? text : "";
}

export async function action(args: ActionFunctionArgs) {
  const { officer, councilId } = requireCouncilOfficer(args, "council:keep-members");
  const t = translatorFor(args.context.language);
  const formData = await args.request.formData();
  const applying = formData.get("intent") === "apply";
  const text = applying ? String(formData.get("text") ?? "") : await listText(formData);
  const fingerprint = memberListFingerprint(text);
  const check = async () => ({ ...formResult(formData), text, fingerprint, ...(await checkMemberList({ councilId, text })) });

  // A list corrected in the box after its check is checked again before anything is applied.
  if (!applying || formData.get("fingerprint") !== fingerprint) return { ...(await check()), changedSinceCheck: applying };
  const chosen = formData.getAll("leavers").filter((id): id is string => typeof id === "string");
  let leavers;
  if (chosen.length > 0) {
    const form = parseForm(formData, LeftOfficeSchema, t);
    if (!form.ok) return refuseForm({ ...(await check()), ...form.result, changedSinceCheck: false });
    leavers = { membershipIds: chosen, leftOfficeOn: form.data.leftOfficeOn };
  }
  const outcome = await applyMemberList({ councilId, text, actorId: officer.id, appUrl: appUrl(), leavers }, requestOrigin(args));
  if (outcome.status === "problems") return refuseForm({ ...(await check()), problems: outcome.problems, changedSinceCheck: false });
  return redirectWithFlash("/council", t("upload.applied", { ns: "council", ...outcome }));
}

/** A problem in the officer's language, its column names translated too. */
function useProblemWords() {
  const { t } = useTranslation("council");
  const column = (field: string) => t(`upload.columns.${field}` as "upload.columns.name", { defaultValue: field });
  return (problem: MemberListProblem) => {
    const params = { ...problem.params };
    if (typeof params.column === "string") params.column = column(params.column);
    if (typeof params.columns === "string") params.columns = params.columns.split(", ").map(column).join(", ");
    return { column: problem.field ? column(problem.field) : null, message: t(`upload.problems.${problem.code}`, params) };
  };
}

export default function UploadMembers() {
  const { council, today, maxRows } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("council");
  const describe = useProblemWords();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formAction?.startsWith("/council/upload");
  const ready = result && result.problems.length === 0 && result.outcomes.length > 0;
  const counts = result ? countOutcomes(result.outcomes) : null;
  return (
    <>
      <ErrorSummary
        result={result && result.problems.length > 0 ? { fieldErrors: {}, formError: t("upload.problemCount", { count: result.problems.length }) } : result}
        order={["leftOfficeOn"]}
      />
      <PageHeading caption={council.name}>{t("upload.heading")}</PageHeading>
      <CouncilNav />
      {!result ? (
        <>
          <p>{t("upload.intro")}</p>
          <p>{t("upload.columnsIntro")}</p>
          <ul>
            <li>{t("upload.columnsRequired")}</li>
            <li>{t("upload.columnsOptional")}</li>
            <li>{t("upload.committeesColumn")}</li>
          </ul>
          <p>{t("upload.limits", { maximum: maxRows })}</p>
        </>
      ) : null}

      {result && result.problems.length > 0 ? (
        <section aria-labelledby="problems-heading">
          <h2 id="problems-heading">{t("upload.problemsHeading")}</h2>
          <TableWrap label={t("upload.problemsCaption")}>
            <table>
              <caption className="visually-hidden">{t("upload.problemsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("upload.line")}</th>
                  <th scope="col">{t("upload.column")}</th>
                  <th scope="col">{t("upload.problem")}</th>
                </tr>
              </thead>
              <tbody>
                {result.problems.map((problem, index) => {
                  const { column, message } = describe(problem);
                  return (
                    <tr key={index}>
                      <td>{problem.line ?? "–"}</td>
                      <td>{column ?? "–"}</td>
                      <td>{message}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
          <p>{t("upload.correctThem")}</p>
        </section>
      ) : null}

      {result?.changedSinceCheck ? <p className="notice notice--info">{t("upload.changedSinceCheck")}</p> : null}

      {ready && counts ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t("upload.previewHeading")}</h2>
          <ul>
            {(["new", "added", "updated", "unchanged"] as const).map((outcome) => (
              <li key={outcome}>{t(`upload.counts.${outcome}`, { count: counts[outcome] })}</li>
            ))}
          </ul>
          <details>
            <summary>{t("upload.showRows")}</summary>
            <TableWrap label={t("upload.rowsCaption")}>
              <table>
                <caption className="visually-hidden">{t("upload.rowsCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("upload.line")}</th>
                    <th scope="col">{t("members.name")}</th>
                    <th scope="col">{t("members.email")}</th>
                    <th scope="col">{t("upload.whatHappens")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.outcomes.map((row) => (
                    <tr key={row.line}>
                      <td>{row.line}</td>
                      <td>{row.name}</td>
                      <td className="wrap">{row.email}</td>
                      <td>{t(`upload.outcomes.${row.outcome}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </details>
        </section>
      ) : null}

      <Form method="post" encType="multipart/form-data" noValidate>
        {ready ? (
          <>
            {result.missing.length > 0 ? (
              <fieldset className="form-group">
                <legend className="label">{t("upload.missingLegend", { count: result.missing.length })}</legend>
                <div className="hint">{t("upload.missingHint")}</div>
                <div className="checkboxes">
                  {result.missing.map((member) => (
                    <div className="checkbox" key={member.membershipId}>
                      <input type="checkbox" id={`leaver-${member.membershipId}`} name="leavers" value={member.membershipId} />
                      <label htmlFor={`leaver-${member.membershipId}`}>
                        {member.name} <span className="secondary break-anywhere">({member.email})</span>
                      </label>
                    </div>
                  ))}
                </div>
                <TextField
                  name="leftOfficeOn"
                  label={t("upload.leftOfficeOn")}
                  type="date"
                  width="date"
                  defaultValue={result.values.leftOfficeOn ?? today}
                  error={result.fieldErrors.leftOfficeOn}
                />
              </fieldset>
            ) : null}
            <input type="hidden" name="fingerprint" value={result.fingerprint} />
            <SubmitButton name="intent" value="apply">
              {t("upload.apply", { count: result.outcomes.length })}
            </SubmitButton>
          </>
        ) : null}
        {!result ? (
          <div className="form-group">
            <label className="label" htmlFor="field-file">
              {t("upload.file")}
            </label>
            <div className="hint" id="field-file-hint">
              {t("upload.fileHint")}
            </div>
            <input className="file" type="file" id="field-file" name="file" accept=".csv,text/csv" aria-describedby="field-file-hint" />
          </div>
        ) : null}
        <TextArea
          name="text"
          label={result ? t("upload.textAfterCheck") : t("upload.text")}
          hint={t("upload.textHint")}
          defaultValue={result?.text ?? ""}
          key={result?.fingerprint ?? "empty"}
        />
        <SubmitButton secondary={!!ready} name="intent" value="check">
          {result ? t("upload.checkAgain") : t("upload.check")}
        </SubmitButton>
        {busy ? (
          <p role="status" className="secondary">
            {t("upload.working")}
          </p>
        ) : null}
      </Form>
    </>
  );
}

function countOutcomes(outcomes: { outcome: "new" | "added" | "updated" | "unchanged" }[]) {
  const counts = { new: 0, added: 0, updated: 0, unchanged: 0 };
  for (const { outcome } of outcomes) counts[outcome]++;
  return counts;
}
