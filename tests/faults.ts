// Faults made by the database itself, for showing that a multi-row write is all or nothing: a trigger
// refuses to record audit events about one email address, so the last write of a transaction fails.
import { db, isPostgres } from "~/utils/db.server";

/** Until the returned function is called, recording an audit event about `email` fails. */
export async function refuseAuditEventsAbout(email: string) {
  const name = `refuse_audit_${Math.random().toString(36).slice(2, 10)}`;
  const quoted = email.replace(/'/g, "''");
  if (isPostgres) {
    await db.$executeRawUnsafe(
      `CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN IF NEW."email" = '${quoted}' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
    );
    await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION ${name}()`);
    return async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "AuditEvent"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
    };
  }
  await db.$executeRawUnsafe(
    `CREATE TRIGGER ${name} BEFORE INSERT ON "AuditEvent" WHEN NEW."email" = '${quoted}' BEGIN SELECT RAISE(ABORT, 'audit refused'); END`,
  );
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER ${name}`);
  };
}
