import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { StaffAccountActionSchema } from "~/utils/schemas.server";
import { AccountStatus } from "~/components/account-status";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SelectField, SubmitButton } from "~/components/forms";
import { BackLink, PageHeading } from "~/components/page";
import { MembershipList } from "~/components/membership-list";
import { membershipsOf } from "~/councils/membership.server";
import { formatDateTime } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18n.server";
import { useLanguage } from "~/i18n/use-language";
import { listCouncils } from "~/models/council.server";
import { changeRoleAndCouncil, deactivateUser, getUserForStaff, reactivateUser, sendInvitation } from "~/models/user.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm } from "~/utils/forms";
import { isRole, ROLES } from "~/utils/permissions";
import { appUrl, requestOrigin } from "~/utils/request.server";
import { pageTitle } from "~/i18n/meta";
import type { RouteWords } from "~/i18n/config";

export const handle = { i18n: ["staff"] } satisfies RouteWords;

export const meta: MetaFunction = ({ error, matches }) => (error ? errorMeta(error, matches) : pageTitle(matches, (t) => t("pages.staffAccount")));

const noSuchAccount = (t: TFunction) => notFound(t("account.noSuchAccount", { ns: "staff" }));

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "users:manage");
  const user = await getUserForStaff({ userId: args.params.userId ?? "" });
  if (!user) throw noSuchAccount(translatorFor(args.context.language));
  const [councils, memberships] = await Promise.all([listCouncils(), membershipsOf(user.id)]);
  return { user, councils, memberships };
}

export async function action(args: ActionFunctionArgs) {
  const staff = requirePermission(args, "users:manage");
  const userId = args.params.userId ?? "";
  const t = translatorFor(args.context.language);
  if (!(await getUserForStaff({ userId }))) throw noSuchAccount(t);
  const formData = await args.request.formData();
  const form = parseForm(formData, StaffAccountActionSchema, t);
  if (!form.ok) return refuseForm(form.result);
  const origin = requestOrigin(args);
  const here = `/staff/users/${userId}`;

  switch (form.data.intent) {
    case "change-access": {
      const outcome = await changeRoleAndCouncil({ userId, role: form.data.role, councilId: form.data.councilId, actorId: staff.id }, origin);
      if (outcome.status === "council-required") {
        return refuseForm(formResult(formData, { fieldErrors: { councilId: t("account.councilRequired", { ns: "staff" }) } }));
      }
      if (outcome.status === "cannot-demote-self") {
        return refuseForm(formResult(formData, { fieldErrors: { role: t("account.cannotDemoteSelf", { ns: "staff" }) } }));
      }
      return redirectWithFlash(here, t("account.accessSaved", { ns: "staff" }));
    }
    case "deactivate": {
      const outcome = await deactivateUser({ userId, actorId: staff.id }, origin);
      if (outcome.status === "cannot-deactivate-self") {
        return refuseForm(formResult(formData, { formError: t("account.cannotDeactivateSelf", { ns: "staff" }) }));
      }
      return redirectWithFlash(here, t("account.deactivatedFlash", { ns: "staff" }));
    }
    case "reactivate":
      await reactivateUser({ userId, actorId: staff.id }, origin);
      return redirectWithFlash(here, t("account.reactivatedFlash", { ns: "staff" }));
    case "resend-invitation":
      await sendInvitation({ userId, appUrl: appUrl() });
      return redirectWithFlash(here, t("account.invitationResent", { ns: "staff" }));
  }
}

export default function StaffUser() {
  const { user, councils, memberships } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values;
  const { t } = useTranslation(["staff", "common"]);
  const language = useLanguage();
  return (
    <>
      <BackLink to="/staff/users">{t("account.back")}</BackLink>
      <ErrorSummary result={result} order={["role", "councilId"]} />
      <PageHeading caption={t("account.caption")}>{user.name}</PageHeading>
      <dl className="summary-list">
        <div>
          <dt>{t("account.email")}</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>{t("account.role")}</dt>
          <dd>{isRole(user.role) ? t(`common:roles.${user.role}`) : user.role}</dd>
        </div>
        {user.role === "officer" ? (
          <div>
            <dt>{t("account.council")}</dt>
            <dd>{user.council?.name ?? t("account.noCouncil")}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("account.status")}</dt>
          <dd>
            <AccountStatus {...user} />
            {user.lockedUntil && new Date(user.lockedUntil) > new Date() ? ` ${t("account.lockedUntil", { time: formatDateTime(user.lockedUntil, language) })}` : null}
          </dd>
        </div>
        <div>
          <dt>{t("account.created")}</dt>
          <dd>{formatDateTime(user.createdAt, language)}</dd>
        </div>
      </dl>
      <p>
        <Link to={`/staff/audit?userId=${user.id}`}>{t("account.securityEvents")}</Link>
      </p>
      {memberships.length > 0 ? (
        <>
          <h2>{t("account.memberships")}</h2>
          <MembershipList memberships={memberships} />
        </>
      ) : null}

      <h2>{t("account.roleAndCouncil")}</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="change-access" />
        <SelectField
          name="role"
          label={t("account.role")}
          defaultValue={values?.role ?? user.role}
          error={result?.fieldErrors.role}
          options={ROLES.map((role) => ({ value: role, label: t(`common:roles.${role}`) }))}
        />
        <SelectField
          name="councilId"
          label={t("account.council")}
          hint={t("account.councilHint")}
          defaultValue={values?.councilId ?? user.councilId ?? ""}
          error={result?.fieldErrors.councilId}
          options={[{ value: "", label: t("account.noCouncilOption") }, ...councils.map((council) => ({ value: council.id, label: council.name }))]}
        />
        <SubmitButton secondary>{t("account.saveRoleAndCouncil")}</SubmitButton>
      </Form>

      {user.invited && !user.deactivatedAt ? (
        <>
          <h2>{t("account.invitation")}</h2>
          <p>{t("account.noPasswordYet")}</p>
          <Form method="post">
            <SubmitButton secondary name="intent" value="resend-invitation">
              {t("account.resendInvitation")}
            </SubmitButton>
          </Form>
        </>
      ) : null}

      <h2>{t("account.access")}</h2>
      {user.deactivatedAt ? (
        <Form method="post">
          <p>{t("account.deactivatedOn", { time: formatDateTime(user.deactivatedAt, language) })}</p>
          <SubmitButton secondary name="intent" value="reactivate">
            {t("account.reactivate")}
          </SubmitButton>
        </Form>
      ) : (
        <Form method="post">
          <p>{t("account.deactivateExplained")}</p>
          <SubmitButton warning name="intent" value="deactivate">
            {t("account.deactivate")}
          </SubmitButton>
        </Form>
      )}
    </>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("staff");
  return <RouteErrorBoundary links={[{ to: "/staff/users", label: t("account.listOfAccounts") }]} />;
}
