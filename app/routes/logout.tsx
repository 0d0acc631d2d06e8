import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { recordAudit } from "~/models/audit.server";
import { requireUser } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { requestOrigin } from "~/utils/request.server";
import { endSession } from "~/utils/session.server";
import { translatorFor } from "~/i18n/i18n.server";

// Signing out changes state, so it is a POST only; a GET just goes home.
export function loader() {
  // public: nothing happens on GET
  return redirect("/");
}

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const cookie = args.context.sessionId ? await endSession(args.context.sessionId) : "";
  await recordAudit({ type: "sign-out", userId: user.id, email: user.email }, requestOrigin(args));
  return redirectWithFlash("/login", translatorFor(args.context.language)("logout.signedOut", { ns: "auth" }), cookie);
}
