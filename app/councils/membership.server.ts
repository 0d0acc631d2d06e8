// Memberships: who sits on which council, as the council keeps it. A person's learning is theirs; a council's
// officers see it for their own members only, so every query here is scoped by the council in its `where`.
import type { Prisma } from "@prisma/client";
import { recordAudit, type RequestOrigin } from "~/models/audit.server";
import { db, isUniqueViolation, type DbClient } from "~/utils/db.server";
import type { MembershipKind } from "./kinds";

/** Sitting now: not left office, on an account still in use. */
export const CURRENT_MEMBER = { leftOfficeOn: null, user: { deactivatedAt: null } } satisfies Prisma.MembershipWhereInput;

/**
 * The memberships a council's officers see: those the council added or confirmed, and claims made at sign-up
 * by someone who has confirmed their address. Anyone can sign up naming any council, so a claim with an
 * unconfirmed address is nobody's business yet.
 */
export const SHOWN_TO_OFFICERS = {
  OR: [{ confirmedAt: { not: null } }, { user: { emailConfirmedAt: { not: null } } }],
} satisfies Prisma.MembershipWhereInput;

/** The members a council counts (its learners, later its requirements and reports): current and confirmed. */
export const COUNTED_MEMBER = { ...CURRENT_MEMBER, confirmedAt: { not: null } } satisfies Prisma.MembershipWhereInput;

// ---------------------------------------------------------------- a person's own memberships

/**
 * A person says they sit on a council, at sign-up or from their account: an elected membership the council's
 * officer has yet to confirm. One membership per person and council (a unique index), so asking twice changes nothing.
 */
export async function claimMembership(
  { userId, councilId, memberSince }: { userId: string; councilId: string; memberSince: Date },
  origin: RequestOrigin,
  client: DbClient = db,
) {
  try {
    const membership = await client.membership.create({
      data: { userId, councilId, kind: "elected", memberSince },
      select: { id: true, council: { select: { name: true } }, user: { select: { email: true } } },
    });
    await recordAudit({ type: "membership-claimed", userId, email: membership.user.email, detail: membership.council.name }, origin, client);
    return { status: "claimed", membershipId: membership.id } as const;
  } catch (error) {
    if (isUniqueViolation(error)) return { status: "already-member" } as const;
    throw error;
  }
}

/** Takes back a claim the council has not confirmed (a council picked by mistake); a confirmed one is the council's to end. */
export async function withdrawClaim({ userId, membershipId }: { userId: string; membershipId: string }, origin: RequestOrigin) {
  return db.$transaction(async (tx) => {
    const claim = await tx.membership.findFirst({
      where: { id: membershipId, userId, confirmedAt: null },
      select: { council: { select: { name: true } }, user: { select: { email: true } } },
    });
    if (!claim) return { status: "not-found" } as const;
    // Conditional: an officer confirming it at the same moment wins, and nothing is withdrawn.
    const { count } = await tx.membership.deleteMany({ where: { id: membershipId, userId, confirmedAt: null } });
    if (count === 0) return { status: "not-found" } as const;
    await recordAudit({ type: "membership-withdrawn", userId, email: claim.user.email, detail: claim.council.name }, origin, tx);
    return { status: "withdrawn" } as const;
  });
}

/** Every council a person sits or sat on, current first, for their own account page. */
export async function membershipsOf(userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: {
      id: true,
      kind: true,
      memberSince: true,
      termStartedOn: true,
      leftOfficeOn: true,
      confirmedAt: true,
      council: { select: { id: true, name: true, welshName: true, nation: true } },
      committees: { select: { role: true, committee: { select: { name: true } } }, orderBy: { committee: { name: "asc" } } },
    },
    orderBy: { council: { name: "asc" } },
  });
  return memberships.sort((a, b) => Number(!!a.leftOfficeOn) - Number(!!b.leftOfficeOn));
}

/** The names of the councils a person sits on now, as a certificate and a greeting show them. */
export async function currentCouncilNames(userId: string, client: DbClient = db) {
  const memberships = await client.membership.findMany({
    where: { userId, leftOfficeOn: null },
    select: { council: { select: { name: true } } },
    orderBy: { council: { name: "asc" } },
  });
  return memberships.map((membership) => membership.council.name);
}

// ---------------------------------------------------------------- a council's members, as its officers keep them

export type MemberListing = "current" | "left";

/** What a council keeps of a membership, as its officers' pages and the members-list upload read it. */
export const MEMBERSHIP_DETAILS = {
  id: true,
  kind: true,
  memberSince: true,
  termStartedOn: true,
  leftOfficeOn: true,
  ward: true,
  partyGroup: true,
  confirmedAt: true,
} as const satisfies Prisma.MembershipSelect;

/** A council's members, current or those who left office, with what the officer's list shows. */
export async function listMembers({ councilId, listing = "current" }: { councilId: string; listing?: MemberListing }) {
  const memberships = await db.membership.findMany({
    where: {
      councilId,
      ...SHOWN_TO_OFFICERS,
      ...(listing === "current" ? CURRENT_MEMBER : { OR: [{ leftOfficeOn: { not: null } }, { user: { deactivatedAt: { not: null } } }] }),
    },
    select: {
      ...MEMBERSHIP_DETAILS,
      user: { select: { id: true, name: true, email: true, passwordHash: true } },
      _count: { select: { committees: true } },
    },
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
  });
  return memberships.map(({ user: { passwordHash, ...user }, _count, ...membership }) => ({
    ...membership,
    // Whether they have yet to accept an invitation, never the hash itself.
    user: { ...user, invited: !passwordHash },
    committeeCount: _count.committees,
  }));
}

/** One member of this council, or null when the membership is another council's (or unknown). */
export async function getMember({ councilId, membershipId }: { councilId: string; membershipId: string }) {
  const membership = await db.membership.findFirst({
    where: { id: membershipId, councilId, ...SHOWN_TO_OFFICERS },
    select: {
      ...MEMBERSHIP_DETAILS,
      user: { select: { id: true, name: true, email: true, emailConfirmedAt: true, passwordHash: true, deactivatedAt: true } },
      committees: {
        select: { id: true, role: true, appointedOn: true, committee: { select: { id: true, name: true } } },
        orderBy: { committee: { name: "asc" } },
      },
    },
  });
  if (!membership) return null;
  const { passwordHash, ...user } = membership.user;
  return { ...membership, user: { ...user, invited: !passwordHash } };
}

type OfficerAct = { councilId: string; membershipId: string; actorId: string };

/** Records a change an officer made to one of their council's members, in the same transaction as the change. */
async function auditMemberChange(
  tx: DbClient,
  { membershipId, actorId }: OfficerAct,
  type: "membership-confirmed" | "membership-changed" | "left-office" | "returned-to-office",
  detail: string,
  origin: RequestOrigin,
) {
  const { user, council } = await tx.membership.findUniqueOrThrow({
    where: { id: membershipId },
    select: { user: { select: { id: true, email: true } }, council: { select: { name: true } } },
  });
  await recordAudit({ type, userId: user.id, actorId, email: user.email, detail: `${council.name}: ${detail}` }, origin, tx);
}

/** The officer confirms that someone who named the council at sign-up does sit on it. */
export async function confirmMember(act: OfficerAct, origin: RequestOrigin) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.membership.updateMany({
      where: { id: act.membershipId, councilId: act.councilId, confirmedAt: null, ...SHOWN_TO_OFFICERS },
      data: { confirmedAt: new Date() },
    });
    if (count === 0) return { status: "not-found" } as const;
    await auditMemberChange(tx, act, "membership-confirmed", "confirmed as a member", origin);
    return { status: "confirmed" } as const;
  });
}

export type MembershipDetails = {
  kind: MembershipKind;
  memberSince: Date | null;
  termStartedOn: Date | null;
  ward: string | null;
  partyGroup: string | null;
};

/** The details an officer keeps of a membership, in the order an audit event lists their changes. */
export const DETAIL_FIELDS = ["kind", "memberSince", "termStartedOn", "ward", "partyGroup"] as const;

/** A detail as an audit event writes it: a date as YYYY-MM-DD, nothing as "none". */
export function shown(value: Date | string | null) {
  if (value === null || value === "") return "none";
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

/** The officer corrects a member's kind, dates, ward or party group. Saving it confirms the membership too. */
export async function updateMembership(act: OfficerAct & { details: MembershipDetails }, origin: RequestOrigin) {
  return db.$transaction(async (tx) => {
    const before = await tx.membership.findFirst({
      where: { id: act.membershipId, councilId: act.councilId, ...SHOWN_TO_OFFICERS },
      select: { kind: true, memberSince: true, termStartedOn: true, ward: true, partyGroup: true, confirmedAt: true },
    });
    if (!before) return { status: "not-found" } as const;
    await tx.membership.update({ where: { id: act.membershipId }, data: { ...act.details, confirmedAt: before.confirmedAt ?? new Date() } });
    const changes = DETAIL_FIELDS.filter((field) => shown(before[field]) !== shown(act.details[field])).map(
      (field) => `${field} ${shown(before[field])} → ${shown(act.details[field])}`,
    );
    if (changes.length > 0) await auditMemberChange(tx, act, "membership-changed", changes.join("; "), origin);
    if (!before.confirmedAt) await auditMemberChange(tx, act, "membership-confirmed", "confirmed as a member", origin);
    return { status: "updated", changed: changes.length > 0 } as const;
  });
}

/** The member left office on this date (stood down, not re-elected): they keep their history, out of current lists and counts. */
export async function markLeftOffice(act: OfficerAct & { leftOfficeOn: Date }, origin: RequestOrigin, client?: DbClient) {
  const run = async (tx: DbClient) => {
    const { count } = await tx.membership.updateMany({
      where: { id: act.membershipId, councilId: act.councilId, leftOfficeOn: null, ...SHOWN_TO_OFFICERS },
      data: { leftOfficeOn: act.leftOfficeOn },
    });
    if (count === 0) return { status: "not-found" } as const;
    await auditMemberChange(tx, act, "left-office", `left office on ${shown(act.leftOfficeOn)}`, origin);
    return { status: "left" } as const;
  };
  return client ? run(client) : db.$transaction(run);
}

/** Undoes a leaving marked by mistake, or brings back a member who returned (re-elected, reappointed). */
export async function returnToOffice(act: OfficerAct, origin: RequestOrigin) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.membership.updateMany({
      where: { id: act.membershipId, councilId: act.councilId, leftOfficeOn: { not: null } },
      data: { leftOfficeOn: null, confirmedAt: new Date() },
    });
    if (count === 0) return { status: "not-found" } as const;
    await auditMemberChange(tx, act, "returned-to-office", "back in office", origin);
    return { status: "returned" } as const;
  });
}
