import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { ModuleState } from "~/learning/core";

export function ModuleStateTag({ state, percent }: { state: ModuleState; percent: number }) {
  const { t } = useTranslation("learning");
  const tone = state === "completed" ? "tag--green" : state === "in-progress" ? "" : "tag--grey";
  return (
    <strong className={`tag ${tone}`}>
      {t(`status.${state}`)}
      {state === "in-progress" ? ` – ${percent}%` : null}
    </strong>
  );
}

/** A labelled progress bar (the native element, so screen readers announce it). */
export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  const id = useId();
  return (
    <div className="progress">
      <label htmlFor={id} className="progress__label">
        {label}: {percent}%
      </label>
      <progress id={id} max={100} value={percent}>
        {percent}%
      </progress>
    </div>
  );
}

/** A length of time in the page's language: "45 minutes", "1 hour 30 minutes". */
export function useMinutesText() {
  const { t } = useTranslation("learning");
  return (minutes: number) => {
    if (minutes < 60) return t("duration.minutes", { count: minutes });
    const hours = t("duration.hours", { count: Math.floor(minutes / 60) });
    const rest = minutes % 60;
    return rest ? t("duration.hoursAndMinutes", { hours, minutes: rest }) : hours;
  };
}
