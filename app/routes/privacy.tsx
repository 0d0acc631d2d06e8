import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/components/page";
import { Sentence } from "~/components/sentence";
import { HTML_LANG } from "~/i18n/config";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.privacy"));

// public: a static page

/** The names of the languages, each marked as written in its own language for screen readers. */
const LANGUAGE_NAMES = { cy: <span lang={HTML_LANG.cy} />, en: <span lang={HTML_LANG.en} /> };

export default function Privacy() {
  const { t } = useTranslation("legal");
  return (
    <div className="narrow">
      <PageHeading>{t("privacy.heading")}</PageHeading>
      <p>{t("privacy.intro")}</p>
      <h2>{t("privacy.held.heading")}</h2>
      <ul>
        <li>{t("privacy.held.identity")}</li>
        <li>{t("privacy.held.council")}</li>
        <li>{t("privacy.held.language")}</li>
        <li>{t("privacy.held.learning")}</li>
        <li>{t("privacy.held.bookings")}</li>
        <li>{t("privacy.held.security")}</li>
      </ul>
      <h2>{t("privacy.why.heading")}</h2>
      <p>{t("privacy.why.text")}</p>
      <h2>{t("privacy.reflections.heading")}</h2>
      <p>{t("privacy.reflections.text")}</p>
      <h2>{t("privacy.access.heading")}</h2>
      <ul>
        <li>{t("privacy.access.you")}</li>
        <li>{t("privacy.access.officers")}</li>
        <li>{t("privacy.access.staff")}</li>
        <li>{t("privacy.access.verification")}</li>
      </ul>
      <p>{t("privacy.access.noSale")}</p>
      <h2>{t("privacy.keeping.heading")}</h2>
      <p>{t("privacy.keeping.text")}</p>
      <h2>{t("privacy.cookies.heading")}</h2>
      <p>{t("privacy.cookies.text")}</p>
      <p>
        <Sentence text={t("privacy.cookies.language")} components={LANGUAGE_NAMES} />
      </p>
      <h2>{t("privacy.rights.heading")}</h2>
      <p>{t("privacy.rights.text")}</p>
    </div>
  );
}
