import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, RadioField, SubmitButton } from "~/components/forms";
import { BackLink, PageHeading, TableWrap } from "~/components/page";
import { mergeMemberAccounts } from "~/councils/member-accounts.server";
import { getMember } from "~/councils/membership.server";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { learningFor } from "~/learning/reader.server";
import { getCouncil } from "~/models/council.server";
import { notFound, requireCouncilOfficer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, refuseForm } from "~/utils/forms";
import { requestOrigin } from "~/utils/request.server";
import { MergeAccountsSchema } from "~/utils/schemas.server";
import type { RouteWords } from "~/i18n/config";

export const handle = { i18n: ["council"] } satisfies RouteWords;

export const meta: MetaFunction = ({ error, matches }) => (error ? errorMeta(error, matches) : pageTitle(matches, (t) => t("pages.councilMerge")));

const noSuchMember = (t: TFunction) => notFound(t("member.notFound", { ns: "council" }));

/** The two accounts side by side, each with what it holds, for the officer to choose which to keep. */
async function bothAccounts(councilId: string, membershipIds: [string, string], t: TFunction) {
  const members = await Promise.all(membershipIds.map((membershipId) => getMember({ councilId, membershipId })));
  if (members.some((member) => !member || member.user.deactivatedAt) || membershipIds[0] === membershipIds[1]) throw noSuchMember(t);
  const learning = await learningFor({ userIds: members.map((member) => member!.user.id) });
  return members.map((member) => {
    const progress = [...(learning.get(member!.user.id)?.values() ?? [])];
    return {
      membershipId: member!.id,
      name: member!.user.name,
      email: member!.user.email,
      invited: member!.user.invited,
      confirmedEmail: !!member!.user.emailConfirmedAt,
      completed: progress.filter((module) => module.state === "completed").length,
      started: progress.filter((module) => module.state === "in-progress").length,
      committees: member!.committees.length,
    };
  });
}

export async function loader(args: LoaderFunctionArgs) {
  const { councilId } = requireCouncilOfficer(args, "council:keep-members");
  const t = translatorFor(args.context.language);
  const other = new URL(args.request.url).searchParams.get("with") ?? "";
  const [council, accounts] = await Promise.all([getCouncil(councilId), bothAccounts(councilId, [args.params.membershipId ?? "", other], t)]);
  if (!council) throw noSuchMember(t);
  return { council, accounts };
}

export async function action(args: ActionFunctionArgs) {
  const { officer, councilId } = requireCouncilOfficer(args, "council:keep-members");
  const t = translatorFor(args.context.language);
  const membershipId = args.params.membershipId ?? "";
  const form = parseForm(await args.request.formData(), MergeAccountsSchema, t);
  if (!form.ok) return refuseForm(form.result);
  const ids = [membershipId, form.data.with];
  if (!ids.includes(form.data.keep)) throw noSuchMember(t);
  const mergeMembershipId = ids.find((id) => id !== form.data.keep)!;
  const outcome = await mergeMemberAccounts({ councilId, keepMembershipId: form.data.keep, mergeMembershipId, actorId: officer.id }, requestOrigin(args));
  if (outcome.status !== "merged") throw noSuchMember(t);
  return redirectWithFlash(`/council/members/${form.data.keep}`, t("merge.done", { ns: "council" }));
}

export default function MergeAccounts() {
  const { council, accounts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("council");
  // The account already in use (with a password, and the more learning) is the likelier one to keep.
  const likely = [...accounts].sort((a, b) => Number(a.invited) - Number(b.invited) || b.completed + b.started - (a.completed + a.started))[0];
  return (
    <>
      <BackLink to={`/council/members/${accounts[0].membershipId}`}>{t("merge.back")}</BackLink>
      <ErrorSummary result={result} order={["keep"]} />
      <PageHeading caption={council.name}>{t("merge.heading")}</PageHeading>
      <p>{t("merge.intro")}</p>
      <TableWrap label={t("merge.caption")}>
        <table>
          <caption className="visually-hidden">{t("merge.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("members.name")}</th>
              <th scope="col">{t("members.email")}</th>
              <th scope="col">{t("members.account")}</th>
              <th scope="col">{t("merge.learning")}</th>
              <th scope="col">{t("members.committees")}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.membershipId}>
                <td>{account.name}</td>
                <td className="wrap">{account.email}</td>
                <td>{account.invited ? t("members.invited") : t("members.signedUp")}</td>
                <td>{t("merge.modules", { completed: account.completed, started: account.started })}</td>
                <td>{account.committees}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <Form method="post" noValidate>
        <input type="hidden" name="with" value={accounts[1].membershipId} />
        <RadioField
          name="keep"
          legend={t("merge.keepLegend")}
          hint={t("merge.keepHint")}
          options={accounts.map((account) => ({
            value: account.membershipId,
            label: t("merge.keepOption", { email: account.email }),
          }))}
          defaultValue={result?.values.keep ?? likely.membershipId}
          error={result?.fieldErrors.keep}
        />
        <p>{t("merge.whatHappens")}</p>
        <SubmitButton warning>{t("merge.submit")}</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("council");
  return <RouteErrorBoundary links={[{ to: "/council", label: t("member.back") }]} />;
}
