// The loader and action behind a link that sets a password: a reset link or an officer's invitation.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { translatorFor } from "~/i18n/i18n.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm } from "~/utils/forms";
import { requestOrigin } from "~/utils/request.server";
import { NewPasswordSchema } from "~/utils/schemas.server";
import { startSession } from "~/utils/session.server";
import { setPasswordWithToken, userForToken } from "~/models/account.server";

type Purpose = "reset-password" | "invitation";

export async function loadPasswordLink({ params }: LoaderFunctionArgs, purpose: Purpose) {
  const found = await userForToken(params.token ?? "", purpose);
  return { status: found.status };
}

/** Sets the password from the link; `successMessage` is the flash message, in the reader's language. */
export async function setPasswordFromLink(args: ActionFunctionArgs, purpose: Purpose, successMessage: string) {
  const t = translatorFor(args.context.language);
  const formData = await args.request.formData();
  const form = parseForm(formData, z.object({ password: NewPasswordSchema }), t);
  // `status` says whether the link can still be used, as the loader does
  if (!form.ok) return refuseForm({ ...form.result, status: "valid" });
  const outcome = await setPasswordWithToken(
    { token: args.params.token ?? "", password: form.data.password, purpose },
    requestOrigin(args),
  );
  if (outcome.status === "weak-password") {
    return refuseForm({ ...formResult(formData, { fieldErrors: { password: t(outcome.problem, { ns: "validation" }) } }), status: "valid" });
  }
  if (outcome.status !== "password-set") {
    return refuseForm({ ...formResult(formData), status: outcome.status });
  }
  const cookie = await startSession(outcome.userId);
  return redirectWithFlash("/", successMessage, cookie);
}
