// A requirement's rules in words: who it applies to, and when it is due (and again, for a refresher).
import { useTranslation } from "react-i18next";
import { formatDate } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";
import type { DueRule, RequirementAudience } from "~/requirements/rules";

export type RequirementRules = {
  audience: string;
  committee: { name: string } | null;
  chosenCount: number;
  electedOnOrAfter: Date | null;
  dueRule: string;
  dueOn: Date | null;
  dueWithinDays: number | null;
  validForMonths: number | null;
  blocksSitting: boolean;
};

export function RequirementWho({ rules }: { rules: RequirementRules }) {
  const { t } = useTranslation("council");
  const language = useLanguage();
  switch (rules.audience as RequirementAudience) {
    case "all":
      return <>{t("requirements.audience.all")}</>;
    case "chosen":
      return <>{t("requirements.audience.chosen", { count: rules.chosenCount })}</>;
    case "committee":
      return <>{t("requirements.audience.committee", { committee: rules.committee?.name })}</>;
    case "elected-since":
      return <>{t("requirements.audience.elected-since", { date: formatDate(rules.electedOnOrAfter!, language) })}</>;
  }
}

export function RequirementDue({ rules }: { rules: RequirementRules }) {
  const { t } = useTranslation("council");
  const language = useLanguage();
  const rule = rules.dueRule as DueRule;
  const due =
    rule === "by-date" ? t("requirements.due.by-date", { date: formatDate(rules.dueOn!, language) }) : t(`requirements.due.${rule}`, { count: rules.dueWithinDays ?? 0 });
  return (
    <>
      {due}
      {rules.validForMonths ? `. ${t("requirements.refresher", { count: rules.validForMonths })}` : null}
      {rules.blocksSitting ? `. ${t("requirements.blocksSitting")}` : null}
    </>
  );
}
