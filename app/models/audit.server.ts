import { db, type DbClient } from "~/utils/db.server";

export const AUDIT_EVENT_TYPES = [
  "sign-in",
  "sign-in-failed",
  "lockout",
  "sign-out",
  "password-changed",
  "password-reset",
  "email-confirmed",
  "account-created",
  "invitation-accepted",
  "role-changed",
  "council-changed",
  "account-deactivated",
  "account-reactivated",
  "sign-up-existing-email",
  "outbox-viewed",
  "membership-claimed",
  "membership-withdrawn",
  "membership-confirmed",
  "membership-changed",
  "member-added",
  "left-office",
  "returned-to-office",
  "committee-added",
  "committee-appointed",
  "committee-left",
  "member-list-uploaded",
  "email-change-requested",
  "email-changed",
  "accounts-merged",
  "course-created",
  "course-changed",
  "course-published",
  "course-cancelled",
  "place-booked",
  "waiting-list-joined",
  "place-offered",
  "offer-accepted",
  "offer-declined",
  "offer-expired",
  "cancellation-requested",
  "cancellation-decided",
  "booking-ended",
  "waiting-list-moved",
  "attendance-marked",
  "delegates-exported",
  "calendar-feed-created",
  "calendar-feed-revoked",
  "requirement-set",
  "requirement-removed",
  "exemption-granted",
  "exemption-withdrawn",
  "evidence-viewed",
  "training-recorded",
  "training-record-removed",
  "council-settings-changed",
  "enrolled-by-officer",
  "review-recorded",
  "report-viewed",
  "report-exported",
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/** Where a request came from, for the audit log. */
export type RequestOrigin = { ip?: string | null; userAgent?: string | null };

export type AuditEventInput = { type: AuditEventType; userId?: string | null; actorId?: string | null; email?: string | null; detail?: string };

function auditRow(event: AuditEventInput, origin: RequestOrigin) {
  return {
    type: event.type,
    userId: event.userId ?? null,
    actorId: event.actorId ?? null,
    email: event.email ?? null,
    detail: event.detail ?? null,
    ip: origin.ip ?? null,
    userAgent: origin.userAgent?.slice(0, 300) ?? null,
  };
}

/** Records an event; pass the transaction (client) when the event must stand or fall with the change it describes. */
export async function recordAudit(event: AuditEventInput, origin: RequestOrigin = {}, client: DbClient = db) {
  await client.auditEvent.create({ data: auditRow(event, origin) });
}

/** Records many events from one request (an uploaded list's) in a few statements, `size` events each. */
export async function recordAudits(events: AuditEventInput[], origin: RequestOrigin = {}, client: DbClient = db, size = 500) {
  for (let start = 0; start < events.length; start += size) {
    await client.auditEvent.createMany({ data: events.slice(start, start + size).map((event) => auditRow(event, origin)) });
  }
}

export const AUDIT_PAGE_SIZE = 50;

/** Newest first; filtered to one account when userId is given. */
export async function listAuditEvents({ userId, page = 1 }: { userId?: string; page?: number }) {
  const where = userId ? { userId } : {};
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    db.auditEvent.count({ where }),
  ]);
  const peopleIds = [...new Set(events.flatMap((e) => [e.userId, e.actorId]).filter((id): id is string => !!id))];
  const people = await db.user.findMany({
    // Stryker disable next-line ObjectLiteral: only the page's people are read; reading everyone would show the same names, more slowly
    where: { id: { in: peopleIds } },
    select: { id: true, name: true, email: true },
  });
  const byId = new Map(people.map((person) => [person.id, person]));
  return {
    total,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    events: events.map((event) => ({
      ...event,
      user: event.userId ? byId.get(event.userId) ?? null : null,
      actor: event.actorId ? byId.get(event.actorId) ?? null : null,
    })),
  };
}
