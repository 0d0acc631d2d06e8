// A council's training requirements as its officers set them, and the exemptions they grant. Every query
// names the officer's council in its `where`; every change is audited in the transaction that makes it.
// Removing a requirement only marks it removed: nobody's progress, exemption or recorded training goes.
import { findModule } from "~/content/content.server";
import { TOPICS } from "~/content/topics";
import { COUNTED_MEMBER } from "~/councils/membership.server";
import { DEFAULT_LANGUAGE, type Language } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import { recordAudit, type RequestOrigin } from "~/models/audit.server";
import { db, isUniqueViolation, type DbClient } from "~/utils/db.server";
import { saveEvidence, type EvidenceUpload } from "./evidence.server";
import type { DueRule, RequirementAudience } from "./rules";

export type RequirementInput = {
  /** A named kind of training; null for a module or a topic */
  name: string | null;
  moduleId: string | null;
  courseTopic: string | null;
  audience: RequirementAudience;
  committeeId: string | null;
  chosenMembershipIds: string[];
  electedOnOrAfter: Date | null;
  dueRule: DueRule;
  dueOn: Date | null;
  dueWithinDays: number | null;
  validForMonths: number | null;
  earlierWithinMonths: number | null;
  blocksSitting: boolean;
};

/** What an officer is told when a requirement cannot be set: the field and the problem, for the form to show beside it. */
export type RequirementProblem = { field: "moduleId" | "committeeId" | "members"; code: "noSuchModule" | "noSuchCommittee" | "notYourMembers" };

/** What a requirement is called: its name, else its module's title or its topic, in the reader's language. */
export function requirementLabel(requirement: { name: string | null; moduleId: string | null; courseTopic: string | null }, language: Language) {
  if (requirement.name) return requirement.name;
  if (requirement.moduleId) return findModule(requirement.moduleId, language)?.title ?? requirement.moduleId;
  return translatorFor(language)(`topics.${requirement.courseTopic as keyof typeof TOPICS}`, { ns: "learning" });
}

/** The audit log's words for a requirement (in English, as the log is). */
const auditLabel = (requirement: Parameters<typeof requirementLabel>[0]) => requirementLabel(requirement, DEFAULT_LANGUAGE);

export async function createRequirement(
  { councilId, actorId, input }: { councilId: string; actorId: string; input: RequirementInput },
  origin: RequestOrigin,
): Promise<{ status: "created"; requirementId: string } | { status: "refused"; problem: RequirementProblem }> {
  const refuse = (problem: RequirementProblem) => ({ status: "refused", problem }) as const;
  if (input.moduleId && !findModule(input.moduleId, DEFAULT_LANGUAGE)) return refuse({ field: "moduleId", code: "noSuchModule" });
  return db.$transaction(async (tx) => {
    const committee = input.committeeId ? await tx.committee.findFirst({ where: { id: input.committeeId, councilId }, select: { name: true } }) : null;
    if (input.committeeId && !committee) return refuse({ field: "committeeId", code: "noSuchCommittee" });
    const chosen = [...new Set(input.chosenMembershipIds)];
    if (chosen.length > 0) {
      const theirs = await tx.membership.count({ where: { id: { in: chosen }, councilId, ...COUNTED_MEMBER } });
      if (theirs !== chosen.length) return refuse({ field: "members", code: "notYourMembers" });
    }
    const { chosenMembershipIds: _chosen, ...fields } = input;
    const requirement = await tx.requirement.create({
      data: { ...fields, councilId, createdById: actorId, chosenMembers: { create: chosen.map((membershipId) => ({ membershipId })) } },
      select: { id: true, council: { select: { name: true } } },
    });
    const who = committee ? `members of ${committee.name}` : input.audience === "chosen" ? `${chosen.length} chosen members` : input.audience;
    await recordAudit({ type: "requirement-set", actorId, detail: `${requirement.council.name}: ${auditLabel(input)} (${who}, ${describeDue(input)})` }, origin, tx);
    return { status: "created", requirementId: requirement.id } as const;
  });
}

function describeDue(input: Pick<RequirementInput, "dueRule" | "dueOn" | "dueWithinDays" | "validForMonths">) {
  const due = input.dueRule === "by-date" ? `by ${input.dueOn!.toISOString().slice(0, 10)}` : `within ${input.dueWithinDays} days, ${input.dueRule}`;
  return input.validForMonths ? `${due}, lasts ${input.validForMonths} months` : due;
}

/** Marks a requirement removed. Its history stays; nobody is reminded of it again. */
export async function removeRequirement({ councilId, requirementId, actorId }: { councilId: string; requirementId: string; actorId: string }, origin: RequestOrigin) {
  return db.$transaction(async (tx) => {
    const requirement = await tx.requirement.findFirst({
      where: { id: requirementId, councilId, removedAt: null },
      select: { name: true, moduleId: true, courseTopic: true, council: { select: { name: true } } },
    });
    if (!requirement) return { status: "not-found" } as const;
    // Conditional: two officers removing it at once remove it once.
    const { count } = await tx.requirement.updateMany({ where: { id: requirementId, councilId, removedAt: null }, data: { removedAt: new Date(), removedById: actorId } });
    if (count === 0) return { status: "not-found" } as const;
    await recordAudit({ type: "requirement-removed", actorId, detail: `${requirement.council.name}: ${auditLabel(requirement)}` }, origin, tx);
    return { status: "removed" } as const;
  });
}

/** A council's requirements in force, named in the reader's language: those training can be recorded against. */
export async function requirementsAt(councilId: string, language: Language) {
  const requirements = await db.requirement.findMany({
    where: { councilId, removedAt: null },
    select: { id: true, name: true, moduleId: true, courseTopic: true },
    orderBy: { createdAt: "asc" },
  });
  return requirements.map((requirement) => ({ id: requirement.id, label: requirementLabel(requirement, language) }));
}

/** A requirement in force at the officer's council, with what the exemption form and page need. */
export async function requirementAt(councilId: string, requirementId: string, client: DbClient = db) {
  return client.requirement.findFirst({
    where: { id: requirementId, councilId, removedAt: null },
    select: { id: true, name: true, moduleId: true, courseTopic: true, council: { select: { name: true } } },
  });
}

/** The council's current, confirmed members by name: those a requirement can name. */
export async function countedMembers(councilId: string) {
  return db.membership.findMany({
    where: { councilId, ...COUNTED_MEMBER },
    select: { id: true, user: { select: { name: true } } },
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
  });
}

/** A current, confirmed member of the officer's council. */
export async function memberAt(councilId: string, membershipId: string, client: DbClient = db) {
  return client.membership.findFirst({
    where: { id: membershipId, councilId, ...COUNTED_MEMBER },
    select: { id: true, userId: true, user: { select: { name: true, email: true } } },
  });
}

/**
 * Excuses a member from a requirement, with the reason, who approved it and, optionally, a document. One
 * exemption per member and requirement (a unique index): a second is refused, never doubled.
 */
export async function exemptMember(
  {
    councilId,
    requirementId,
    membershipId,
    reason,
    approvedBy,
    evidence,
    actorId,
  }: { councilId: string; requirementId: string; membershipId: string; reason: string; approvedBy: string; evidence: EvidenceUpload | null; actorId: string },
  origin: RequestOrigin,
) {
  try {
    return await db.$transaction(async (tx) => {
      const [requirement, member] = await Promise.all([requirementAt(councilId, requirementId, tx), memberAt(councilId, membershipId, tx)]);
      if (!requirement || !member) return { status: "not-found" } as const;
      const evidenceFileId = evidence ? await saveEvidence({ councilId, userId: member.userId, upload: evidence, actorId }, tx) : null;
      await tx.exemption.create({ data: { requirementId, membershipId, reason, approvedBy, evidenceFileId, recordedById: actorId } });
      const detail = `${requirement.council.name}: ${auditLabel(requirement)}; approved by ${approvedBy}; ${reason}${evidence ? `; evidence ${evidence.name}` : ""}`;
      await recordAudit({ type: "exemption-granted", userId: member.userId, actorId, email: member.user.email, detail }, origin, tx);
      return { status: "exempted" } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { status: "already-exempt" } as const;
    throw error;
  }
}

/** Ends an exemption: the member is held to the requirement again, from its due date. */
export async function withdrawExemption(
  { councilId, requirementId, membershipId, actorId }: { councilId: string; requirementId: string; membershipId: string; actorId: string },
  origin: RequestOrigin,
) {
  return db.$transaction(async (tx) => {
    const exemption = await tx.exemption.findFirst({
      where: { requirementId, membershipId, requirement: { councilId }, membership: { councilId } },
      select: { id: true, requirement: { select: { name: true, moduleId: true, courseTopic: true, council: { select: { name: true } } } }, membership: { select: { user: true } } },
    });
    if (!exemption) return { status: "not-found" } as const;
    const { count } = await tx.exemption.deleteMany({ where: { id: exemption.id } });
    if (count === 0) return { status: "not-found" } as const;
    const { user } = exemption.membership;
    await recordAudit(
      { type: "exemption-withdrawn", userId: user.id, actorId, email: user.email, detail: `${exemption.requirement.council.name}: ${auditLabel(exemption.requirement)}` },
      origin,
      tx,
    );
    return { status: "withdrawn" } as const;
  });
}
