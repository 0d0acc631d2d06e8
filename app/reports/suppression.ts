// Small numbers withheld: the national picture's rule, on screen and in the CSV alike. A count under 5, a
// share made from one, or an average of fewer than 5 answers could point to a person, so it is not shown.
import { averageUsefulness } from "~/courses/rules";

/** Counts below this are withheld: small numbers could identify a councillor. */
export const SUPPRESS_BELOW = 5;

/** A count as shown: null when withheld. */
export type Shown = number | null;

export function suppress(count: number): Shown {
  return count < SUPPRESS_BELOW ? null : count;
}

/** A share as a whole percentage, withheld when either count is. */
export function shareOf(part: number, whole: number): Shown {
  return part < SUPPRESS_BELOW || whole < SUPPRESS_BELOW ? null : Math.round((100 * part) / whole);
}

/**
 * An average usefulness as shown: withheld when made from fewer than SUPPRESS_BELOW answers, as an average of
 * one to four could give away what one person answered.
 */
export function averageShown(total: number, count: number): number | null {
  return count < SUPPRESS_BELOW ? null : averageUsefulness(total, count);
}
