import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/components/page";
import { Sentence } from "~/components/sentence";
import { HTML_LANG } from "~/i18n/config";
import { formatDate } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.accessibility"));

// public: a static page

/** The names of the languages, each marked as written in its own language for screen readers. */
const LANGUAGE_NAMES = { cy: <span lang={HTML_LANG.cy} />, en: <span lang={HTML_LANG.en} /> };

const PREPARED_ON = "2026-11-23T12:00:00Z";

export default function Accessibility() {
  const { t } = useTranslation("legal");
  const language = useLanguage();
  return (
    <div className="narrow">
      <PageHeading>{t("accessibility.heading")}</PageHeading>
      <p>{t("accessibility.intro")}</p>
      <ul>
        <li>{t("accessibility.youCan.zoom")}</li>
        <li>{t("accessibility.youCan.keyboard")}</li>
        <li>{t("accessibility.youCan.screenReader")}</li>
        <li>{t("accessibility.youCan.colours")}</li>
        <li>{t("accessibility.youCan.noJavaScript")}</li>
      </ul>
      <h2>{t("accessibility.languages.heading")}</h2>
      <p>
        <Sentence text={t("accessibility.languages.text")} components={LANGUAGE_NAMES} />
      </p>
      <h2>{t("accessibility.howAccessible.heading")}</h2>
      <p>{t("accessibility.howAccessible.text")}</p>
      <h2>{t("accessibility.feedback.heading")}</h2>
      <p>{t("accessibility.feedback.text")}</p>
      <h2>{t("accessibility.enforcement.heading")}</h2>
      <p>{t("accessibility.enforcement.text")}</p>
      <h2>{t("accessibility.compliance.heading")}</h2>
      <p>{t("accessibility.compliance.text")}</p>
      <h2>{t("accessibility.preparation.heading")}</h2>
      <p>{t("accessibility.preparation.text", { date: formatDate(PREPARED_ON, language) })}</p>
    </div>
  );
}
