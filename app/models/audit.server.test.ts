import { expect, test } from "vitest";
import { createUser } from "../../tests/factories";
import { db } from "~/utils/db.server";
import { AUDIT_PAGE_SIZE, listAuditEvents, recordAudit } from "./audit.server";

// Tests in one file share a database: each test here starts from an empty audit log.
async function emptyLog() {
  await db.auditEvent.deleteMany();
}

test("an event records who, by whom, from where and what happened; a long user agent is cut to 300 characters", async () => {
  await emptyLog();
  const user = await createUser();
  const staff = await createUser({ role: "staff" });
  await recordAudit(
    { type: "role-changed", userId: user.id, actorId: staff.id, email: user.email, detail: "councillor → officer" },
    { ip: "192.0.2.9", userAgent: "A".repeat(400) },
  );
  await recordAudit({ type: "sign-in-failed", email: "nobody@example.org" });
  const [failed, changed] = await db.auditEvent.findMany({ orderBy: { type: "desc" } });
  expect(changed).toMatchObject({
    type: "role-changed",
    userId: user.id,
    actorId: staff.id,
    email: user.email,
    detail: "councillor → officer",
    ip: "192.0.2.9",
    userAgent: "A".repeat(300),
  });
  expect(failed).toMatchObject({ type: "sign-in-failed", userId: null, actorId: null, email: "nobody@example.org", detail: null, ip: null, userAgent: null });
});

test("the audit log is newest first, names the account and who acted, and shows the person themselves when no one else did", async () => {
  await emptyLog();
  const user = await createUser({ name: "Rhodri Evans" });
  const staff = await createUser({ role: "staff", name: "Sam Staff" });
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 9, minute));
  await db.auditEvent.create({ data: { type: "sign-in", userId: user.id, email: user.email, createdAt: at(1) } });
  await db.auditEvent.create({ data: { type: "account-deactivated", userId: user.id, actorId: staff.id, email: user.email, createdAt: at(3) } });
  await db.auditEvent.create({ data: { type: "sign-in-failed", email: "stranger@example.org", createdAt: at(2) } });
  // An account since removed from the database: the event stays, with no one to name.
  await db.auditEvent.create({ data: { type: "sign-out", userId: "removed-account", actorId: "removed-staff", createdAt: at(0) } });

  const { events, total, pages } = await listAuditEvents({});
  expect(total).toBe(4);
  expect(pages).toBe(1);
  expect(events.map((event) => event.type)).toEqual(["account-deactivated", "sign-in-failed", "sign-in", "sign-out"]);
  const person = { id: user.id, name: "Rhodri Evans", email: user.email };
  // Only their names and addresses: nothing else of the account leaves the query.
  expect(events[0].user).toEqual(person);
  expect(events[0].actor).toEqual({ id: staff.id, name: "Sam Staff", email: staff.email });
  expect(events[0].email).toBe(user.email);
  expect(events[1]).toMatchObject({ user: null, actor: null, email: "stranger@example.org" });
  expect(events[2].user).toEqual(person);
  expect(events[2].actor).toBeNull();
  expect(events[3]).toMatchObject({ user: null, actor: null, userId: "removed-account" });
});

test("events recorded in the same instant are listed in a stable order, the same on every page", async () => {
  await emptyLog();
  const createdAt = new Date(Date.UTC(2026, 0, 5, 9, 0));
  // Recorded in an order unlike their ids', so neither the order of recording nor chance can pass for the rule.
  for (const id of ["event-b", "event-d", "event-a", "event-e", "event-c"]) await db.auditEvent.create({ data: { id, type: "sign-in", createdAt } });
  const listed = (await listAuditEvents({})).events.map((event) => event.id);
  expect(listed).toEqual(["event-e", "event-d", "event-c", "event-b", "event-a"]);
});

test("the audit log comes a page at a time, and filtered to one account counts only its events", async () => {
  await emptyLog();
  const user = await createUser();
  const start = Date.UTC(2026, 0, 5, 9, 0);
  await db.auditEvent.createMany({
    data: Array.from({ length: AUDIT_PAGE_SIZE + 1 }, (_, i) => ({ type: "sign-in", detail: `event ${i}`, createdAt: new Date(start + i * 60_000) })),
  });
  await db.auditEvent.create({ data: { type: "sign-out", userId: user.id, createdAt: new Date(start - 60_000) } });

  const first = await listAuditEvents({});
  const second = await listAuditEvents({ page: 2 });
  expect(first.total).toBe(AUDIT_PAGE_SIZE + 2);
  expect(first.pages).toBe(2);
  expect(first.events).toHaveLength(AUDIT_PAGE_SIZE);
  expect(first.events[0].detail).toBe(`event ${AUDIT_PAGE_SIZE}`);
  expect(second.events.map((event) => event.detail)).toEqual(["event 0", null]);

  const own = await listAuditEvents({ userId: user.id });
  expect(own.total).toBe(1);
  expect(own.pages).toBe(1);
  expect(own.events.map((event) => event.type)).toEqual(["sign-out"]);

  await emptyLog();
  expect(await listAuditEvents({})).toEqual({ total: 0, pages: 1, events: [] });
});
