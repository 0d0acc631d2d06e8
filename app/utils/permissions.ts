// Roles and what each may do: read by the server checks (app/utils/auth.server.ts) and by the UI.
// See docs/decisions/002-roles-in-code.md.

export const ROLES = ["councillor", "officer", "staff"] as const;
export type Role = (typeof ROLES)[number];

const PERMISSIONS = {
  // module:read shows the modules; module:take saves progress, knowledge checks and certificates
  // membership:claim says which councils they sit on, for each council's officer to confirm
  // course:book books, cancels and waits for places on scheduled courses (each course says who may book it)
  councillor: ["profile:edit", "module:read", "module:take", "membership:claim", "course:book"],
  // council:keep-members confirms, corrects and uploads the council's members and keeps its committees
  // council:view-bookings sees the council's members' bookings on scheduled courses
  // council:require-training sets training requirements, grants exemptions and records training done elsewhere
  // council:view-reports reads and exports the council's training report (each look and export audited)
  officer: ["profile:edit", "module:read", "council:view-members", "council:keep-members", "council:view-bookings", "council:require-training", "council:view-reports", "course:book"],
  // courses:manage schedules courses and runs their bookings, waiting lists and registers
  // reports:national reads the national picture: counts only, small ones withheld (each look and export audited)
  staff: ["profile:edit", "module:read", "users:manage", "outbox:view", "audit:view", "courses:manage", "reports:national"],
} as const satisfies Record<Role, readonly string[]>;

export type Permission = (typeof PERMISSIONS)[Role][number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function can(user: { role: string } | null | undefined, permission: Permission): boolean {
  if (!user || !isRole(user.role)) return false;
  return (PERMISSIONS[user.role] as readonly string[]).includes(permission);
}
