import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { StaffAccountActionSchema } from "~/utils/schemas.server";
import { AccountStatus } from "~/components/account-status";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SelectField, SubmitButton } from "~/components/forms";
import { BackLink, formatDate, formatDateTime, PageHeading } from "~/components/page";
import { listCouncils } from "~/models/council.server";
import { changeRoleAndCouncil, deactivateUser, getUserForStaff, reactivateUser, sendInvitation } from "~/models/user.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm } from "~/utils/forms";
import { isRole, ROLE_LABELS, ROLES } from "~/utils/permissions";
import { appUrl, requestOrigin } from "~/utils/request.server";
import { pageTitle } from "~/i18n/meta";
import { translatorFor } from "~/i18n/i18n.server";

export const meta: MetaFunction = ({ error, matches }) => (error ? errorMeta(error, matches) : pageTitle(matches, (t) => t("pages.staffAccount")));

const NO_SUCH_ACCOUNT = "There is no account at this address. Check the link, or find the person in the list of accounts.";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "users:manage");
  const user = await getUserForStaff({ userId: args.params.userId ?? "" });
  if (!user) throw notFound(NO_SUCH_ACCOUNT);
  return { user, councils: await listCouncils() };
}

export async function action(args: ActionFunctionArgs) {
  const staff = requirePermission(args, "users:manage");
  const userId = args.params.userId ?? "";
  if (!(await getUserForStaff({ userId }))) throw notFound(NO_SUCH_ACCOUNT);
  const formData = await args.request.formData();
  const form = parseForm(formData, StaffAccountActionSchema, translatorFor(args.context.language));
  if (!form.ok) return refuseForm(form.result);
  const origin = requestOrigin(args);
  const here = `/staff/users/${userId}`;

  switch (form.data.intent) {
    case "change-access": {
      const outcome = await changeRoleAndCouncil({ userId, role: form.data.role, councilId: form.data.councilId, actorId: staff.id }, origin);
      if (outcome.status === "council-required") {
        return refuseForm(formResult(formData, { fieldErrors: { councilId: "Choose the council this person belongs to" } }));
      }
      if (outcome.status === "cannot-demote-self") {
        return refuseForm(formResult(formData, { fieldErrors: { role: "You cannot remove your own staff access. Ask another member of staff" } }));
      }
      return redirectWithFlash(here, "Role and council saved. The change applies at once.");
    }
    case "deactivate": {
      const outcome = await deactivateUser({ userId, actorId: staff.id }, origin);
      if (outcome.status === "cannot-deactivate-self") {
        return refuseForm(formResult(formData, { formError: "You cannot deactivate your own account" }));
      }
      return redirectWithFlash(here, "Account deactivated. Its sessions have ended and it can no longer sign in.");
    }
    case "reactivate":
      await reactivateUser({ userId, actorId: staff.id }, origin);
      return redirectWithFlash(here, "Account reactivated.");
    case "resend-invitation":
      await sendInvitation({ userId, appUrl: appUrl() });
      return redirectWithFlash(here, "A new invitation has been sent. Earlier invitation links no longer work.");
  }
}

export default function StaffUser() {
  const { user, councils } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values;
  return (
    <>
      <BackLink to="/staff/users">Back to accounts</BackLink>
      <ErrorSummary result={result} order={["role", "councilId"]} />
      <PageHeading caption="Account">{user.name}</PageHeading>
      <dl className="summary-list">
        <div>
          <dt>Email address</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>{isRole(user.role) ? ROLE_LABELS[user.role] : user.role}</dd>
        </div>
        <div>
          <dt>Council</dt>
          <dd>{user.council?.name ?? "None"}</dd>
        </div>
        {user.electedOn ? (
          <div>
            <dt>Date elected</dt>
            <dd>{formatDate(user.electedOn)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Status</dt>
          <dd>
            <AccountStatus {...user} />
            {user.lockedUntil && new Date(user.lockedUntil) > new Date() ? ` Locked until ${formatDateTime(user.lockedUntil)}` : null}
          </dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatDateTime(user.createdAt)}</dd>
        </div>
      </dl>
      <p>
        <Link to={`/staff/audit?userId=${user.id}`}>See this account&apos;s security events</Link>
      </p>

      <h2>Role and council</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="change-access" />
        <SelectField
          name="role"
          label="Role"
          defaultValue={values?.role ?? user.role}
          error={result?.fieldErrors.role}
          options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
        />
        <SelectField
          name="councilId"
          label="Council"
          hint="Councillors and council officers belong to one council. Staff belong to none."
          defaultValue={values?.councilId ?? user.councilId ?? ""}
          error={result?.fieldErrors.councilId}
          options={[{ value: "", label: "No council (staff)" }, ...councils.map((council) => ({ value: council.id, label: council.name }))]}
        />
        <SubmitButton secondary>Save role and council</SubmitButton>
      </Form>

      {user.invited && !user.deactivatedAt ? (
        <>
          <h2>Invitation</h2>
          <p>This person has not yet set a password.</p>
          <Form method="post">
            <SubmitButton secondary name="intent" value="resend-invitation">
              Send a new invitation
            </SubmitButton>
          </Form>
        </>
      ) : null}

      <h2>Access</h2>
      {user.deactivatedAt ? (
        <Form method="post">
          <p>Deactivated on {formatDateTime(user.deactivatedAt)}.</p>
          <SubmitButton secondary name="intent" value="reactivate">
            Reactivate account
          </SubmitButton>
        </Form>
      ) : (
        <Form method="post">
          <p>Deactivating ends this person&apos;s sessions at once and stops them signing in. Their records are kept.</p>
          <SubmitButton warning name="intent" value="deactivate">
            Deactivate account
          </SubmitButton>
        </Form>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary links={[{ to: "/staff/users", label: "Go to the list of accounts" }]} />;
}
