// Enrolments: the modules a person is taking, and how they came to each: they chose or started it (self),
// their council requires it (requirement), or an officer enrolled them (officer). One row per person and
// module (a unique index), so enrolling twice, or twice at once, keeps the first and its source. Leaving
// deletes only the row: progress, completions and certificates stay.
import { db, isUniqueViolation, type DbClient } from "~/utils/db.server";

export const ENROLMENT_SOURCES = ["self", "requirement", "officer"] as const;
export type EnrolmentSource = (typeof ENROLMENT_SOURCES)[number];

/** Enrols a person on a module unless they already are; true when this call enrolled them. */
export async function enrol(
  { userId, moduleId, source, enrolledById = null }: { userId: string; moduleId: string; source: EnrolmentSource; enrolledById?: string | null },
  client: DbClient = db,
) {
  const existing = await client.enrolment.findUnique({ where: { userId_moduleId: { userId, moduleId } }, select: { id: true } });
  if (existing) return false;
  try {
    await client.enrolment.create({ data: { userId, moduleId, source, enrolledById }, select: { id: true } });
    return true;
  } catch (error) {
    // enrolled at the same moment by another request (a double click, the reminder job): the first stands
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Enrols many people on a module their council requires, each unless already enrolled: a few statements, whatever the number. */
export async function enrolRequired({ userIds, moduleId }: { userIds: string[]; moduleId: string }) {
  if (userIds.length === 0) return 0;
  const existing = new Set(
    (await db.enrolment.findMany({ where: { moduleId, userId: { in: userIds } }, select: { userId: true } })).map((enrolment) => enrolment.userId),
  );
  const missing = userIds.filter((userId) => !existing.has(userId));
  try {
    const { count } = await db.enrolment.createMany({ data: missing.map((userId) => ({ userId, moduleId, source: "requirement" })) });
    return count;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // another process enrolled some of them meanwhile: one by one, keeping theirs
    let count = 0;
    for (const userId of missing) if (await enrol({ userId, moduleId, source: "requirement" })) count++;
    return count;
  }
}

/**
 * Leaves a module the person chose themselves. One their council requires, or an officer enrolled them on, is
 * not theirs to leave: `required` says whether a requirement applies to them now.
 */
export async function leaveModule({ userId, moduleId, required }: { userId: string; moduleId: string; required: boolean }) {
  if (required) return { status: "required" } as const;
  const { count } = await db.enrolment.deleteMany({ where: { userId, moduleId, source: "self" } });
  return count === 1 ? ({ status: "left" } as const) : ({ status: "not-yours-to-leave" } as const);
}

/** A person's enrolments by module. */
export async function enrolmentsOf(userId: string) {
  const enrolments = await db.enrolment.findMany({ where: { userId }, select: { moduleId: true, source: true, createdAt: true } });
  return new Map(enrolments.map((enrolment) => [enrolment.moduleId, { source: enrolment.source as EnrolmentSource, since: enrolment.createdAt }]));
}
