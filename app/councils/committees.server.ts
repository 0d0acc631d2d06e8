// A council's committees and who sits on them, kept by the council's officers by hand or by upload.
// Scoped by council in every `where`, as memberships are.
import { recordAudit, type RequestOrigin } from "~/models/audit.server";
import { db, isUniqueViolation, type DbClient } from "~/utils/db.server";
import type { CommitteeRole } from "./kinds";
import { CURRENT_MEMBER, SHOWN_TO_OFFICERS } from "./membership.server";


/** How committee names are compared: "Planning committee" and "planning  Committee" are one committee. */
export function committeeKey(name: string) {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

/** A council's committees by name, each with how many current members and substitutes sit on it. */
export async function listCommittees(councilId: string, client: DbClient = db) {
  const committees = await client.committee.findMany({
    where: { councilId },
    select: {
      id: true,
      name: true,
      members: { where: { membership: CURRENT_MEMBER }, select: { role: true } },
    },
    orderBy: { name: "asc" },
  });
  return committees.map(({ members, ...committee }) => ({
    ...committee,
    members: members.filter((seat) => seat.role === "member").length,
    substitutes: members.filter((seat) => seat.role === "substitute").length,
  }));
}

export async function addCommittee({ councilId, name, actorId }: { councilId: string; name: string; actorId: string }, origin: RequestOrigin) {
  const existing = await db.committee.findMany({ where: { councilId }, select: { name: true } });
  if (existing.some((committee) => committeeKey(committee.name) === committeeKey(name))) return { status: "exists" } as const;
  try {
    const committee = await db.committee.create({ data: { councilId, name: name.trim().replace(/\s+/g, " ") }, select: { id: true, council: true } });
    await recordAudit({ type: "committee-added", actorId, detail: `${committee.council.name}: ${name}` }, origin);
    return { status: "added", committeeId: committee.id } as const;
  } catch (error) {
    // Two officers adding the same name at once: the unique index keeps one.
    if (isUniqueViolation(error)) return { status: "exists" } as const;
    throw error;
  }
}

type Seat = { committeeId: string; role: CommitteeRole; appointedOn: Date };

/**
 * Puts a member on a committee as member or substitute, or changes their role or date there. Both the
 * membership and the committee must be the officer's council's.
 */
export async function appointToCommittee(
  { councilId, membershipId, seat, actorId }: { councilId: string; membershipId: string; seat: Seat; actorId: string },
  origin: RequestOrigin,
  client?: DbClient,
) {
  const run = async (tx: DbClient) => {
    const [membership, committee] = await Promise.all([
      tx.membership.findFirst({ where: { id: membershipId, councilId, ...SHOWN_TO_OFFICERS }, select: { user: { select: { id: true, email: true } } } }),
      tx.committee.findFirst({ where: { id: seat.committeeId, councilId }, select: { name: true, council: { select: { name: true } } } }),
    ]);
    if (!membership || !committee) return { status: "not-found" } as const;
    const data = { role: seat.role, appointedOn: seat.appointedOn };
    const before = await tx.committeeMembership.findUnique({
      where: { committeeId_membershipId: { committeeId: seat.committeeId, membershipId } },
      select: { role: true, appointedOn: true },
    });
    if (before && before.role === seat.role && before.appointedOn.getTime() === seat.appointedOn.getTime()) return { status: "unchanged" } as const;
    await tx.committeeMembership.upsert({
      where: { committeeId_membershipId: { committeeId: seat.committeeId, membershipId } },
      create: { committeeId: seat.committeeId, membershipId, ...data },
      update: data,
    });
    const { user } = membership;
    const detail = `${committee.council.name}: ${committee.name}, ${seat.role} from ${seat.appointedOn.toISOString().slice(0, 10)}`;
    await recordAudit({ type: "committee-appointed", userId: user.id, actorId, email: user.email, detail }, origin, tx);
    return { status: "appointed" } as const;
  };
  return client ? run(client) : db.$transaction(run);
}

/** Takes a member off a committee. */
export async function removeFromCommittee(
  { councilId, membershipId, committeeId, actorId }: { councilId: string; membershipId: string; committeeId: string; actorId: string },
  origin: RequestOrigin,
) {
  return db.$transaction(async (tx) => {
    const seat = await tx.committeeMembership.findFirst({
      where: { committeeId, membershipId, membership: { councilId } },
      select: { committee: { select: { name: true, council: { select: { name: true } } } }, membership: { select: { user: true } } },
    });
    if (!seat) return { status: "not-found" } as const;
    await tx.committeeMembership.deleteMany({ where: { committeeId, membershipId } });
    const { user } = seat.membership;
    const detail = `${seat.committee.council.name}: off ${seat.committee.name}`;
    await recordAudit({ type: "committee-left", userId: user.id, actorId, email: user.email, detail }, origin, tx);
    return { status: "removed" } as const;
  });
}
