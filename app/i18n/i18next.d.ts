// Typed keys: `t("common:nav.home")` is checked against the English catalogue, so a key that does not
// exist is a type error. The Welsh catalogue must hold the same keys (app/i18n/catalogues.test.ts).
import "i18next";
import type pages from "./locales/en";
import type council from "./locales/en/council.json";
import type email from "./locales/en/email.json";
import type meta from "./locales/en/meta.json";
import type staff from "./locales/en/staff.json";
import type validation from "./locales/en/validation.json";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: typeof pages & { council: typeof council; staff: typeof staff; validation: typeof validation; email: typeof email; meta: typeof meta };
  }
}
