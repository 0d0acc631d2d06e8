// What a council's officer may do to a member's account, as councils need after an election: give it the
// council email address the member got after the count (the member confirms it), and merge two accounts of
// the same person. Only for people who are the officer's own council's members; every step is audited.
import { normaliseEmail } from "~/models/account.server";
import { emailChangeConfirmation, RECIPIENT, writeEmail } from "~/models/account-emails.server";
import { recordAudit, type RequestOrigin } from "~/models/audit.server";
import { enqueueEmail } from "~/models/email.server";
import { issueToken } from "~/models/user-token.server";
import { db, type DbClient } from "~/utils/db.server";
import { SHOWN_TO_OFFICERS } from "./membership.server";

type OfficerAct = { councilId: string; membershipId: string; actorId: string };

/**
 * Sends a link to the new address; the account moves to it only when the member opens the link (confirmEmailChange
 * in app/models/account.server.ts). Until then they sign in with the old one, so a typo locks no one out.
 */
export async function requestMemberEmailChange(act: OfficerAct & { email: string; appUrl: string }, origin: RequestOrigin) {
  const email = normaliseEmail(act.email);
  const membership = await db.membership.findFirst({
    where: { id: act.membershipId, councilId: act.councilId, ...SHOWN_TO_OFFICERS },
    select: { council: { select: { name: true, welshName: true } }, user: { select: { id: true, name: true, email: true, deactivatedAt: true, ...RECIPIENT } } },
  });
  if (!membership || membership.user.deactivatedAt) return { status: "not-found" } as const;
  const { user, council } = membership;
  if (email === user.email) return { status: "unchanged" } as const;
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) return { status: "email-taken" } as const;
  const token = await issueToken({ userId: user.id, purpose: "change-email", newEmail: email });
  const link = `${act.appUrl}/change-email/${token}`;
  await enqueueEmail({ to: email, ...writeEmail(user, emailChangeConfirmation({ name: user.name, council, link })) });
  const detail = `${council.name}: ${user.email} → ${email}, waiting for the member to confirm`;
  await recordAudit({ type: "email-change-requested", userId: user.id, actorId: act.actorId, email: user.email, detail }, origin);
  return { status: "sent" } as const;
}

/** The council's other current members an account could be merged with (the officer sees no one else). */
export async function mergeCandidates({ councilId, membershipId }: { councilId: string; membershipId: string }) {
  const candidates = await db.membership.findMany({
    where: { councilId, id: { not: membershipId }, leftOfficeOn: null, ...SHOWN_TO_OFFICERS, user: { deactivatedAt: null, role: "councillor" } },
    select: { id: true, user: { select: { name: true, email: true } } },
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
  });
  return candidates.map(({ id, user }) => ({ membershipId: id, name: user.name, email: user.email }));
}

/**
 * Two accounts of one person (a personal and a council address, say) become one: the kept account takes the
 * other's learning, memberships and committee places; where both hold the same thing, the earlier completion
 * and the kept account's own answers stay. The other account is closed (deactivated, never deleted) and
 * points at the kept one. One transaction: all of it or none.
 */
export async function mergeMemberAccounts(
  { councilId, keepMembershipId, mergeMembershipId, actorId }: { councilId: string; keepMembershipId: string; mergeMembershipId: string; actorId: string },
  origin: RequestOrigin,
) {
  if (keepMembershipId === mergeMembershipId) return { status: "same-account" } as const;
  return db.$transaction(
    async (tx) => {
      const both = await tx.membership.findMany({
        where: { id: { in: [keepMembershipId, mergeMembershipId] }, councilId, ...SHOWN_TO_OFFICERS, user: { deactivatedAt: null, role: "councillor" } },
        select: { id: true, userId: true, council: { select: { name: true } }, user: { select: { email: true } } },
      });
      const keep = both.find((membership) => membership.id === keepMembershipId);
      const merge = both.find((membership) => membership.id === mergeMembershipId);
      if (!keep || !merge) return { status: "not-found" } as const;
      if (keep.userId === merge.userId) return { status: "same-account" } as const;
      const moved = await moveEverything(tx, { from: merge.userId, to: keep.userId });
      // Conditional: of two merges of the same account at once, the second finds it closed and changes nothing.
      const { count } = await tx.user.updateMany({
        where: { id: merge.userId, deactivatedAt: null },
        data: { deactivatedAt: new Date(), mergedIntoId: keep.userId },
      });
      if (count === 0) throw new MergeRace();
      await tx.session.deleteMany({ where: { userId: merge.userId } });
      await tx.userToken.deleteMany({ where: { userId: merge.userId, usedAt: null } });
      const detail = `${keep.council.name}: ${merge.user.email} merged into ${keep.user.email}${moved.droppedCertificates.length ? `; certificates kept from the earlier completion, ${moved.droppedCertificates.join(", ")} withdrawn` : ""}`;
      await recordAudit({ type: "accounts-merged", userId: keep.userId, actorId, email: keep.user.email, detail }, origin, tx);
      await recordAudit({ type: "accounts-merged", userId: merge.userId, actorId, email: merge.user.email, detail }, origin, tx);
      return { status: "merged", keptUserId: keep.userId } as const;
    },
    { timeout: 20_000 },
  ).catch((error: unknown) => {
    if (error instanceof MergeRace) return { status: "not-found" } as const;
    throw error;
  });
}

class MergeRace extends Error {}

/** Moves one person's records to their other account; where both have the same one, the rule says which stays. */
async function moveEverything(tx: DbClient, { from, to }: { from: string; to: string }) {
  // Lessons done: the kept account's record of a lesson stands; the rest move.
  const keptLessons = await tx.lessonProgress.findMany({ where: { userId: to }, select: { moduleId: true, lessonSlug: true } });
  const done = new Set(keptLessons.map((lesson) => `${lesson.moduleId}\n${lesson.lessonSlug}`));
  const lessons = await tx.lessonProgress.findMany({ where: { userId: from }, select: { id: true, moduleId: true, lessonSlug: true } });
  const duplicateLessons = lessons.filter((lesson) => done.has(`${lesson.moduleId}\n${lesson.lessonSlug}`)).map((lesson) => lesson.id);
  await tx.lessonProgress.deleteMany({ where: { id: { in: duplicateLessons } } });
  await tx.lessonProgress.updateMany({ where: { userId: from }, data: { userId: to } });

  // Knowledge checks: every submitted attempt moves; an attempt left open on the closed account is dropped.
  await tx.knowledgeCheckAttempt.deleteMany({ where: { userId: from, submittedAt: null } });
  await tx.knowledgeCheckAttempt.updateMany({ where: { userId: from }, data: { userId: to } });

  // Completions: one per module, the earlier one, so the date on the certificate is when they first finished.
  const droppedCertificates: string[] = [];
  const theirs = await tx.moduleCompletion.findMany({ where: { userId: from } });
  for (const completion of theirs) {
    const kept = await tx.moduleCompletion.findUnique({ where: { userId_moduleId: { userId: to, moduleId: completion.moduleId } } });
    if (!kept) {
      await tx.moduleCompletion.update({ where: { id: completion.id }, data: { userId: to } });
    } else if (completion.completedAt < kept.completedAt) {
      droppedCertificates.push(kept.certificateCode);
      await tx.moduleCompletion.delete({ where: { id: kept.id } });
      await tx.moduleCompletion.update({ where: { id: completion.id }, data: { userId: to } });
    } else {
      droppedCertificates.push(completion.certificateCode);
      await tx.moduleCompletion.delete({ where: { id: completion.id } });
    }
  }

  // Case-study choices: the kept account's stand where both chose.
  const keptChoices = new Set((await tx.caseStudyAnswer.findMany({ where: { userId: to } })).map((answer) => `${answer.moduleId}\n${answer.caseStudyId}`));
  for (const answer of await tx.caseStudyAnswer.findMany({ where: { userId: from } })) {
    if (keptChoices.has(`${answer.moduleId}\n${answer.caseStudyId}`)) await tx.caseStudyAnswer.delete({ where: { id: answer.id } });
    else await tx.caseStudyAnswer.update({ where: { id: answer.id }, data: { userId: to } });
  }
  // Two reflections on one prompt are both kept, one after the other: what someone wrote is never lost.
  const keptReflections = new Map((await tx.reflection.findMany({ where: { userId: to } })).map((note) => [`${note.moduleId}\n${note.promptId}`, note]));
  for (const note of await tx.reflection.findMany({ where: { userId: from } })) {
    const kept = keptReflections.get(`${note.moduleId}\n${note.promptId}`);
    if (!kept) {
      await tx.reflection.update({ where: { id: note.id }, data: { userId: to } });
      continue;
    }
    if (kept.text.trim() !== note.text.trim()) {
      const [first, second] = kept.createdAt <= note.createdAt ? [kept, note] : [note, kept];
      await tx.reflection.update({ where: { id: kept.id }, data: { text: `${first.text}\n\n${second.text}` } });
    }
    await tx.reflection.delete({ where: { id: note.id } });
  }

  // Memberships: councils only the closed account sat on move across; for a council both sat on, the kept
  // membership stays, takes the details it lacks, and the committee places it does not have.
  for (const membership of await tx.membership.findMany({ where: { userId: from }, include: { committees: true } })) {
    const kept = await tx.membership.findUnique({ where: { userId_councilId: { userId: to, councilId: membership.councilId } }, include: { committees: true } });
    if (!kept) {
      await tx.membership.update({ where: { id: membership.id }, data: { userId: to } });
      continue;
    }
    await tx.membership.update({
      where: { id: kept.id },
      data: {
        memberSince: kept.memberSince ?? membership.memberSince,
        termStartedOn: kept.termStartedOn ?? membership.termStartedOn,
        ward: kept.ward ?? membership.ward,
        partyGroup: kept.partyGroup ?? membership.partyGroup,
        confirmedAt: kept.confirmedAt ?? membership.confirmedAt,
        leftOfficeOn: kept.leftOfficeOn && membership.leftOfficeOn ? kept.leftOfficeOn : null,
      },
    });
    const seated = new Set(kept.committees.map((seat) => seat.committeeId));
    for (const seat of membership.committees.filter((seat) => !seated.has(seat.committeeId))) {
      await tx.committeeMembership.update({ where: { id: seat.id }, data: { membershipId: kept.id } });
    }
    await tx.membership.delete({ where: { id: membership.id } });
  }
  return { droppedCertificates };
}
