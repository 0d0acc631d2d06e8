import { useId } from "react";
import type { ModuleState } from "~/learning/core";

const STATE_LABELS: Record<ModuleState, string> = { "not-started": "Not started", "in-progress": "In progress", completed: "Completed" };

export function ModuleStateTag({ state, percent }: { state: ModuleState; percent: number }) {
  const tone = state === "completed" ? "tag--green" : state === "in-progress" ? "" : "tag--grey";
  return (
    <strong className={`tag ${tone}`}>
      {STATE_LABELS[state]}
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

export function minutesText(minutes: number) {
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours} hour${hours === 1 ? "" : "s"}${rest ? ` ${rest} minutes` : ""}`;
}
