import { useHydrated } from "~/utils/use-hydrated";

/** Printing needs the browser's script; without it the page says how (`withoutScript`). */
export function PrintButton({ label, withoutScript }: { label: string; withoutScript: string }) {
  return useHydrated() ? (
    <button type="button" className="button button--secondary" onClick={() => window.print()}>
      {label}
    </button>
  ) : (
    <p>{withoutScript}</p>
  );
}
