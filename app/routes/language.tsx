// The language switch in the header posts here (app/components/language-switch.tsx).
import type { ActionFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { isLanguage, LANGUAGE_PARAM } from "~/i18n/config";
import { languageCookie, translatorFor } from "~/i18n/i18n.server";
import { saveLanguagePreference } from "~/models/user.server";
import { getUser } from "~/utils/auth.server";
import { safeRedirect } from "~/utils/redirect";

// Choosing a language changes state (a cookie, a saved preference), so it is a POST only.
export function loader() {
  // public: nothing happens on GET
  return redirect("/");
}

export async function action(args: ActionFunctionArgs) {
  // public: anyone may choose the language they read in; a signed-in person's choice is saved with them
  const formData = await args.request.formData();
  const language = formData.get("language");
  if (!isLanguage(language)) throw data(translatorFor(args.context.language)("errors.unknownLanguage"), { status: 400 });
  const user = getUser(args);
  if (user) await saveLanguagePreference({ userId: user.id, language });
  return redirect(backTo(formData.get("redirectTo")), { headers: { "Set-Cookie": await languageCookie.serialize(language) } });
}

/** The page the switch was pressed on, without a `?lng=` that would override the choice just made. */
function backTo(redirectTo: FormDataEntryValue | null) {
  const url = new URL(safeRedirect(redirectTo), "http://localhost");
  url.searchParams.delete(LANGUAGE_PARAM);
  return `${url.pathname}${url.search}`;
}
