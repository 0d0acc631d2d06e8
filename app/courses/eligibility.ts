// Who may book a course: its audience (councillors, officers, or both), and within that, only councils in
// one nation, or only members first elected or appointed within the last N months. Checked when someone
// books or joins the waiting list, and again when a freed place would be offered to them.

export type EligibilityCourse = { audience: string; nation: string | null; electedWithinMonths: number | null };

/** What eligibility reads of a person (PERSON_FOR_BOOKING in a `select` gives it). */
export type EligibilityPerson = {
  role: string;
  deactivatedAt: Date | null;
  /** An officer's council */
  council: { nation: string } | null;
  /** The councils they sit on now, as those councils have confirmed */
  memberships: { memberSince: Date | null; council: { nation: string } }[];
};

/** no-council: a councillor none of whose councils has confirmed them yet */
export type Ineligibility = "audience" | "no-council" | "nation" | "recently-elected";

/** The date N months before `now` (the same day of the month, or the month's last day). */
export function monthsBefore(now: Date, months: number) {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return date;
}

/** Why this person may not book this course, or null when they may. */
export function whyNotEligible(person: EligibilityPerson, course: EligibilityCourse, now: Date): Ineligibility | null {
  if (person.deactivatedAt) return "audience";
  const asMember = person.role === "councillor" && course.audience !== "officers" && person.memberships.length > 0;
  const asOfficer = person.role === "officer" && course.audience !== "councillors" && person.council !== null;
  if (!asMember && !asOfficer) return person.role === "councillor" && course.audience !== "officers" ? "no-council" : "audience";
  const councils = asMember ? person.memberships.map((membership) => membership.council) : [person.council!];
  if (course.nation && !councils.some((council) => council.nation === course.nation)) return "nation";
  if (asMember && course.electedWithinMonths !== null) {
    const since = monthsBefore(now, course.electedWithinMonths);
    if (!person.memberships.some((membership) => membership.memberSince && membership.memberSince >= since)) return "recently-elected";
  }
  return null;
}
