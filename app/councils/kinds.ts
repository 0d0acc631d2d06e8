// The kinds of membership and committee place: shared by the server's rules and the pages.

export const MEMBERSHIP_KINDS = ["elected", "co-opted", "lay"] as const;
export type MembershipKind = (typeof MEMBERSHIP_KINDS)[number];

export function isMembershipKind(value: unknown): value is MembershipKind {
  return (MEMBERSHIP_KINDS as readonly unknown[]).includes(value);
}

export const COMMITTEE_ROLES = ["member", "substitute"] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

export function isCommitteeRole(value: unknown): value is CommitteeRole {
  return (COMMITTEE_ROLES as readonly unknown[]).includes(value);
}
