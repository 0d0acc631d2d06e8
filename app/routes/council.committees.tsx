import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CouncilNav } from "~/components/council-nav";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { PageHeading, TableWrap } from "~/components/page";
import { addCommittee, listCommittees } from "~/councils/committees.server";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { getCouncil } from "~/models/council.server";
import { notFound, requireCouncilOfficer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm } from "~/utils/forms";
import { requestOrigin } from "~/utils/request.server";
import { AddCommitteeSchema } from "~/utils/schemas.server";
import type { RouteWords } from "~/i18n/config";

export const handle = { i18n: ["council"] } satisfies RouteWords;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.councilCommittees"));

export async function loader(args: LoaderFunctionArgs) {
  const { councilId } = requireCouncilOfficer(args, "council:view-members");
  const [council, committees] = await Promise.all([getCouncil(councilId), listCommittees(councilId)]);
  if (!council) throw notFound(translatorFor(args.context.language)("councilNotFound", { ns: "council" }));
  return { council, committees };
}

export async function action(args: ActionFunctionArgs) {
  const { officer, councilId } = requireCouncilOfficer(args, "council:keep-members");
  const t = translatorFor(args.context.language);
  const formData = await args.request.formData();
  const form = parseForm(formData, AddCommitteeSchema, t);
  if (!form.ok) return refuseForm(form.result);
  const outcome = await addCommittee({ councilId, name: form.data.committee, actorId: officer.id }, requestOrigin(args));
  if (outcome.status === "exists") {
    return refuseForm(formResult(formData, { fieldErrors: { committee: t("committees.exists", { ns: "council", name: form.data.committee }) } }));
  }
  return redirectWithFlash("/council/committees", t("committees.added", { ns: "council", name: form.data.committee }));
}

export default function Committees() {
  const { council, committees } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("council");
  return (
    <>
      <ErrorSummary result={result} order={["committee"]} />
      <PageHeading caption={council.name}>{t("committees.heading")}</PageHeading>
      <CouncilNav />
      <p>{t("committees.intro")}</p>
      {committees.length === 0 ? (
        <p>{t("committees.none")}</p>
      ) : (
        <TableWrap label={t("committees.caption")}>
          <table>
            <caption className="visually-hidden">{t("committees.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("committees.name")}</th>
                <th scope="col">{t("committees.members")}</th>
                <th scope="col">{t("committees.substitutes")}</th>
                <th scope="col">{t("readiness.link")}</th>
              </tr>
            </thead>
            <tbody>
              {committees.map((committee) => (
                <tr key={committee.id}>
                  <td>{committee.name}</td>
                  <td>{committee.members}</td>
                  <td>{committee.substitutes}</td>
                  <td>
                    <Link to={`/council/committees/${committee.id}`} aria-label={t("readiness.linkLabel", { committee: committee.name })}>
                      {t("readiness.link")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2>{t("committees.addHeading")}</h2>
      <Form method="post" noValidate>
        <TextField
          name="committee"
          label={t("committees.newName")}
          hint={t("committees.newNameHint")}
          defaultValue={result?.values.committee}
          error={result?.fieldErrors.committee}
          maxLength={100}
        />
        <SubmitButton secondary>{t("committees.add")}</SubmitButton>
      </Form>
    </>
  );
}
