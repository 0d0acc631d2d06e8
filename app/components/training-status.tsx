// Where a member stands on a requirement, in words: a coloured tag (never colour alone: the tag says it) and
// the date that matters: when it was met and when it falls due again, when it is due, or since when overdue.
import { useTranslation } from "react-i18next";
import { formatDate } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";
import type { TrainingStatus } from "~/requirements/rules";

const TAG: Record<TrainingStatus["state"], string> = { met: "tag--green", exempt: "tag--grey", due: "tag--grey", overdue: "tag--red" };

export function TrainingStatusText({ status }: { status: TrainingStatus }) {
  const { t } = useTranslation("learning");
  const language = useLanguage();
  const date = (value: Date) => formatDate(value, language);
  return (
    <>
      <strong className={`tag ${TAG[status.state]}`}>{t(`training.states.${status.state}`)}</strong> <TrainingStatusDetail status={status} date={date} />
    </>
  );
}

function TrainingStatusDetail({ status, date }: { status: TrainingStatus; date: (value: Date) => string }) {
  const { t } = useTranslation("learning");
  switch (status.state) {
    case "exempt":
      return null;
    case "met": {
      const by = t(`training.by.${status.by.source}`, { title: status.by.title, date: date(status.by.on) });
      return <>{status.refreshBy ? t("training.metUntil", { by, date: date(status.refreshBy) }) : by}</>;
    }
    case "due":
      return <>{status.lapsed ? t("training.refreshDue", { date: date(status.dueOn) }) : t("training.dueBy", { date: date(status.dueOn) })}</>;
    case "overdue":
      return <>{t("training.overdueSince", { date: date(status.dueOn) })}</>;
  }
}
