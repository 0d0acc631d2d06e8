// Training a member did outside the platform (a council briefing, an external provider's course), recorded
// by an officer of their council, with an optional document. It counts towards the requirement it names as
// a completion here does, and the member's record shows it as recorded by that council.
import { recordAudit, type RequestOrigin } from "~/models/audit.server";
import { db } from "~/utils/db.server";
import { saveEvidence, type EvidenceUpload } from "./evidence.server";
import { memberAt, requirementAt } from "./requirements.server";

export type TrainingRecord = {
  title: string;
  provider: string;
  completedOn: Date;
  /** Length in minutes, when known */
  minutes: number | null;
  requirementId: string | null;
};

export async function recordTraining(
  { councilId, membershipId, record, evidence, actorId }: { councilId: string; membershipId: string; record: TrainingRecord; evidence: EvidenceUpload | null; actorId: string },
  origin: RequestOrigin,
) {
  return db.$transaction(async (tx) => {
    const member = await memberAt(councilId, membershipId, tx);
    if (!member) return { status: "not-found" } as const;
    if (record.requirementId && !(await requirementAt(councilId, record.requirementId, tx))) return { status: "no-such-requirement" } as const;
    const evidenceFileId = evidence ? await saveEvidence({ councilId, userId: member.userId, upload: evidence, actorId }, tx) : null;
    const saved = await tx.recordedTraining.create({
      data: { ...record, userId: member.userId, councilId, evidenceFileId, recordedById: actorId },
      select: { id: true, council: { select: { name: true } } },
    });
    const detail = `${saved.council.name}: ${record.title} (${record.provider}, ${record.completedOn.toISOString().slice(0, 10)})${evidence ? `; evidence ${evidence.name}` : ""}`;
    await recordAudit({ type: "training-recorded", userId: member.userId, actorId, email: member.user.email, detail }, origin, tx);
    return { status: "recorded", recordedTrainingId: saved.id } as const;
  });
}

/** Removes a record made in error, with its document. Only the council that recorded it can. */
export async function removeRecordedTraining({ councilId, recordedTrainingId, actorId }: { councilId: string; recordedTrainingId: string; actorId: string }, origin: RequestOrigin) {
  return db.$transaction(async (tx) => {
    const record = await tx.recordedTraining.findFirst({
      where: { id: recordedTrainingId, councilId },
      select: { title: true, completedOn: true, evidenceFileId: true, council: { select: { name: true } }, user: { select: { id: true, email: true } } },
    });
    if (!record) return { status: "not-found" } as const;
    const { count } = await tx.recordedTraining.deleteMany({ where: { id: recordedTrainingId, councilId } });
    if (count === 0) return { status: "not-found" } as const;
    if (record.evidenceFileId) await tx.evidenceFile.deleteMany({ where: { id: record.evidenceFileId } });
    const detail = `${record.council.name}: ${record.title} (${record.completedOn.toISOString().slice(0, 10)})`;
    await recordAudit({ type: "training-record-removed", userId: record.user.id, actorId, email: record.user.email, detail }, origin, tx);
    return { status: "removed", title: record.title } as const;
  });
}

/**
 * A person's training recorded by councils, latest first. Every council they sit on sees it (their learning
 * is theirs); the document is the recording council's, so `councilId` marks which records it may open.
 */
export async function recordedTrainingOf(userId: string) {
  return db.recordedTraining.findMany({
    where: { userId },
    orderBy: { completedOn: "desc" },
    take: 200,
    select: {
      id: true,
      title: true,
      provider: true,
      completedOn: true,
      minutes: true,
      councilId: true,
      council: { select: { name: true, welshName: true } },
      requirementId: true,
      evidenceFile: { select: { id: true, name: true } },
    },
  });
}
