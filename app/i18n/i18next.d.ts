// Typed keys: `t("common:nav.home")` is checked against the English catalogue, so a key that does not
// exist is a type error. The Welsh catalogue must hold the same keys (app/i18n/catalogues.test.ts).
import "i18next";
import type pages from "./locales/en";
import type server from "./locales/en/server";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: typeof pages & typeof server;
  }
}
