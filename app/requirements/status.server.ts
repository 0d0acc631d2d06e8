// Where a council's members stand on its requirements: who each applies to, and for each of them met, due,
// overdue or exempt (rules.ts), from their training (training.server.ts). A few queries per council, whatever
// its size; the rules run in memory on dates.
import type { Prisma } from "@prisma/client";
import type { Language } from "~/i18n/config";
import { db, sql } from "~/utils/db.server";
import { ukDate, ukToday } from "~/utils/uk-time";
import { requirementLabel } from "./requirements.server";
import { addDays, isSatisfied, trainingStatus, type DueRule, type MemberDates, type RequirementAudience, type RequirementRule, type Training, type TrainingStatus } from "./rules";
import type { RequirementRecord } from "./learning-record.server";
import { trainingFrom, trainingOf, wantedBy } from "./training.server";

const REQUIREMENT_FIELDS = {
  id: true,
  councilId: true,
  name: true,
  moduleId: true,
  courseTopic: true,
  audience: true,
  committeeId: true,
  committee: { select: { name: true } },
  electedOnOrAfter: true,
  dueRule: true,
  dueOn: true,
  dueWithinDays: true,
  validForMonths: true,
  earlierWithinMonths: true,
  blocksSitting: true,
  createdAt: true,
  chosenMembers: { select: { membershipId: true } },
  exemptions: { select: { membershipId: true, reason: true, approvedBy: true, evidenceFileId: true, createdAt: true } },
} satisfies Prisma.RequirementSelect;


type RequirementRow = Prisma.RequirementGetPayload<{ select: typeof REQUIREMENT_FIELDS }>;
/** A member as the rules read them: their dates, their seats on committees. */
type MemberRow = {
  id: string;
  userId: string;
  memberSince: Date | null;
  termStartedOn: Date | null;
  confirmedAt: Date | null;
  createdAt: Date;
  partyGroup: string | null;
  kind: string;
  user: { name: string; email: string };
  committees: { committeeId: string; role: string; appointedOn: Date }[];
};

function ruleOf(requirement: RequirementRow): RequirementRule {
  return {
    id: requirement.id,
    moduleId: requirement.moduleId,
    courseTopic: requirement.courseTopic,
    dueRule: requirement.dueRule as DueRule,
    dueOn: requirement.dueOn,
    dueWithinDays: requirement.dueWithinDays,
    validForMonths: requirement.validForMonths,
    earlierWithinMonths: requirement.earlierWithinMonths,
    setOn: ukDate(requirement.createdAt),
  };
}

function datesOf(member: MemberRow, requirement: RequirementRow): MemberDates {
  const seat = member.committees.find((c) => c.committeeId === requirement.committeeId);
  return {
    memberSince: member.memberSince,
    termStartedOn: member.termStartedOn,
    appointedOn: seat?.appointedOn ?? null,
    joinedOn: ukDate(member.confirmedAt ?? member.createdAt),
  };
}

/** Whether a requirement applies to a member: everyone, the chosen, the committee's members and substitutes, or those first elected since a date. */
export function appliesTo(requirement: RequirementRow, member: MemberRow) {
  switch (requirement.audience as RequirementAudience) {
    case "all":
      return true;
    case "chosen":
      return requirement.chosenMembers.some((chosen) => chosen.membershipId === member.id);
    case "committee":
      return member.committees.some((seat) => seat.committeeId === requirement.committeeId);
    case "elected-since":
      return !!member.memberSince && member.memberSince >= requirement.electedOnOrAfter!;
  }
}

export type MemberStanding = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  status: TrainingStatus;
  exemption: RequirementRow["exemptions"][number] | null;
};

/**
 * A council's requirements in force, each with the members it applies to and where each stands today.
 * Narrow it to one requirement or one member with `requirementId` or `membershipId`.
 */
export async function councilTraining({
  councilId,
  language,
  today = ukToday(),
  requirementId,
  membershipId,
  committeeId,
  asOf,
}: {
  councilId: string;
  language: Language;
  today?: Date;
  requirementId?: string;
  membershipId?: string;
  committeeId?: string;
  /** Where they stood at the end of an earlier date (a report of a past municipal year): who was in office, what was required and done by then */
  asOf?: Date;
}) {
  const endOf = asOf && addDays(asOf, 1);
  const [requirements, members] = await Promise.all([
    db.requirement.findMany({
      where: {
        councilId,
        ...(endOf ? { createdAt: { lt: endOf }, OR: [{ removedAt: null }, { removedAt: { gte: endOf } }] } : { removedAt: null }),
        ...(requirementId ? { id: requirementId } : {}),
        ...(committeeId ? { committeeId } : {}),
      },
      select: { ...REQUIREMENT_FIELDS, exemptions: { where: endOf ? { createdAt: { lt: endOf } } : {}, select: REQUIREMENT_FIELDS.exemptions.select } },
      orderBy: { createdAt: "asc" },
    }),
    membersAt({ councilId, membershipId, committeeId, asOf }),
  ]);
  const training = requirements.length === 0 || members.length === 0 ? new Map() : await trainingOf(members.map((m) => m.userId), wantedBy(requirements), { asOf });
  return {
    members,
    requirements: standingsOf({ requirements, members, training, today: asOf ?? today, language }),
    /** How many of those each requirement applies to (of these members, if given) had it met or were exempt on each of these dates (a chart of the year) */
    satisfiedOn: (dates: Date[], only?: Set<string>) => satisfiedOn({ requirements, members: only ? members.filter((m) => only.has(m.id)) : members, training, dates }),
  };
}

/**
 * For each date, how many members each requirement applies to had it met or were exempt by then: each
 * member's status is reckoned on that date from the training done and the exemptions given by it.
 */
function satisfiedOn({ requirements, members, training, dates }: { requirements: RequirementRow[]; members: MemberRow[]; training: Map<string, Training[]>; dates: Date[] }) {
  // what does not change from date to date, worked out once: who each applies to, their dates, when exempted
  const reckoned = requirements.map((requirement) => {
    const exemptFrom = new Map<string, Date>();
    for (const e of requirement.exemptions) {
      const on = ukDate(e.createdAt);
      const earlier = exemptFrom.get(e.membershipId);
      if (!earlier || on < earlier) exemptFrom.set(e.membershipId, on);
    }
    const applying = members
      .filter((member) => appliesTo(requirement, member))
      .map((member) => ({ dates: datesOf(member, requirement), training: training.get(member.userId) ?? [], exemptFrom: exemptFrom.get(member.id) }));
    return { id: requirement.id, rule: ruleOf(requirement), applying };
  });
  return dates.map((date) => ({
    date,
    requirements: reckoned.map(({ id, rule, applying }) => ({
      id,
      satisfied: applying.filter((m) =>
        isSatisfied(trainingStatus({ rule, member: m.dates, training: m.training.filter((t) => t.on <= date), exempt: !!m.exemptFrom && m.exemptFrom <= date, today: date })),
      ).length,
      applies: applying.length,
    })),
  }));
}

type MemberFacts = Omit<MemberRow, "user" | "committees"> & { name: string; email: string };
type SeatFacts = MemberRow["committees"][number] & { membershipId: string };

/**
 * A council's counted members (COUNTED_MEMBER), or on a past date those in office then (confirmed here,
 * elected by then or with no date kept, not yet left), by name, each with their committee seats. Plain SQL:
 * through Prisma the nested read took 20 ms for a council of 150, half of a report's time.
 */
async function membersAt({ councilId, membershipId, committeeId, asOf }: { councilId: string; membershipId?: string; committeeId?: string; asOf?: Date }): Promise<MemberRow[]> {
  const inOffice = asOf
    ? sql`AND (m."memberSince" IS NULL OR m."memberSince" <= ${asOf}) AND (m."leftOfficeOn" IS NULL OR m."leftOfficeOn" > ${asOf})`
    : sql`AND m."leftOfficeOn" IS NULL`;
  const one = membershipId ? sql`AND m."id" = ${membershipId}` : sql``;
  const onCommittee = committeeId ? sql`AND m."id" IN (SELECT "membershipId" FROM "CommitteeMembership" WHERE "committeeId" = ${committeeId})` : sql``;
  const [members, seats] = await Promise.all([
    db.$queryRaw<MemberFacts[]>`
      SELECT m."id", m."userId", m."memberSince", m."termStartedOn", m."confirmedAt", m."createdAt", m."partyGroup", m."kind", u."name", u."email"
        FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
       WHERE m."councilId" = ${councilId} AND m."confirmedAt" IS NOT NULL AND u."deactivatedAt" IS NULL ${inOffice} ${one} ${onCommittee}
       ORDER BY u."name"`,
    db.$queryRaw<SeatFacts[]>`
      SELECT s."membershipId", s."committeeId", s."role", s."appointedOn"
        FROM "CommitteeMembership" s JOIN "Committee" c ON c."id" = s."committeeId" WHERE c."councilId" = ${councilId}`,
  ]);
  const seatsOf = new Map<string, MemberRow["committees"]>();
  for (const { membershipId: id, ...seat } of seats) {
    (seatsOf.get(id) ?? seatsOf.set(id, []).get(id)!).push({ ...seat, appointedOn: new Date(seat.appointedOn) });
  }
  return members.map(({ name, email, ...member }) => ({
    ...member,
    memberSince: dateOrNull(member.memberSince),
    termStartedOn: dateOrNull(member.termStartedOn),
    confirmedAt: dateOrNull(member.confirmedAt),
    createdAt: new Date(member.createdAt),
    user: { name, email },
    committees: seatsOf.get(member.id) ?? [],
  }));
}

/** SQLite gives a raw query's dates as text. */
const dateOrNull = (value: Date | string | null) => (value === null ? null : new Date(value));

/** Each requirement with the members it applies to, and where each stands on it today. */
function standingsOf({ requirements, members, training, today, language }: { requirements: RequirementRow[]; members: MemberRow[]; training: Map<string, Training[]>; today: Date; language: Language }) {
  return requirements.map((requirement) => {
    const rule = ruleOf(requirement);
    const standings: MemberStanding[] = members
      .filter((member) => appliesTo(requirement, member))
      .map((member) => {
        const exemption = requirement.exemptions.find((e) => e.membershipId === member.id) ?? null;
        return {
          membershipId: member.id,
          userId: member.userId,
          name: member.user.name,
          email: member.user.email,
          exemption,
          status: trainingStatus({ rule, member: datesOf(member, requirement), training: training.get(member.userId) ?? [], exempt: !!exemption, today }),
        };
      });
    return { ...requirement, label: requirementLabel(requirement, language), standings };
  });
}

export type CouncilTraining = Awaited<ReturnType<typeof councilTraining>>;

/** What the pages say of a requirement's rules (app/components/requirement-text.tsx). */
export function requirementRules(requirement: CouncilTraining["requirements"][number]) {
  const { audience, committee, chosenMembers, electedOnOrAfter, dueRule, dueOn, dueWithinDays, validForMonths, blocksSitting } = requirement;
  return { audience, committee, chosenCount: chosenMembers.length, electedOnOrAfter, dueRule, dueOn, dueWithinDays, validForMonths, blocksSitting };
}

/** How many of those a requirement applies to stand where: met, due, overdue, exempt. */
export function countStandings(standings: MemberStanding[]) {
  const counts = { met: 0, due: 0, overdue: 0, exempt: 0 };
  for (const { status } of standings) counts[status.state] += 1;
  return counts;
}

const STATE_ORDER = { overdue: 0, due: 1, met: 2, exempt: 3 } as const;

/** A person's training, from their learning record. */
export function trainingIn(userId: string, record: RequirementRecord) {
  return trainingFrom({
    completions: record.completion.map((completion) => ({ userId, ...completion })),
    passes: record.pass.map((pass) => ({ userId, moduleId: pass.moduleId, _max: { submittedAt: pass.submittedAt } })),
    courses: record.attended.map((course) => ({ userId, id: course.courseId, title: course.title, topic: course.topic, endsAt: course.endsAt })),
    recorded: record.recorded.map((recorded) => ({ userId, ...recorded })),
  });
}

/**
 * What each council a person sits on requires of them, and where they stand: overdue first, then by due date.
 * Only councils that count them (current and confirmed): a claim the officer has not confirmed asks nothing yet.
 * From their learning record (learning-record.server.ts: one query, which My learning lists from too).
 */
export function requirementsFrom({
  userId,
  record,
  training,
  language,
  today,
}: {
  userId: string;
  record: RequirementRecord;
  training: Map<string, Training[]>;
  language: Language;
  today: Date;
}) {
  const inOrder = <T extends { createdAt: Date }>(rows: T[]) => [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const members = inOrder(record.membership.filter((membership) => membership.counted === 1)).map(
    (membership): MemberRow & { councilId: string; council: { name: string; welshName: string | null } } => ({
      id: membership.id,
      userId,
      councilId: membership.councilId,
      council: { name: membership.councilName, welshName: membership.councilWelshName },
      memberSince: membership.memberSince,
      termStartedOn: membership.termStartedOn,
      confirmedAt: membership.confirmedAt,
      createdAt: membership.createdAt,
      partyGroup: membership.partyGroup,
      kind: membership.kind,
      user: { name: membership.userName, email: membership.userEmail },
      committees: record.seat.filter((seat) => seat.membershipId === membership.id).map(({ committeeId, role, appointedOn }) => ({ committeeId, role, appointedOn })),
    }),
  );
  const requirements = inOrder(record.requirement).map(
    ({ committeeName, blocksSitting, ...requirement }): RequirementRow => ({
      ...requirement,
      committee: committeeName === null ? null : { name: committeeName },
      blocksSitting: blocksSitting === 1,
      chosenMembers: record.chosen.filter((chosen) => chosen.requirementId === requirement.id).map(({ membershipId }) => ({ membershipId })),
      exemptions: record.exemption
        .filter((exemption) => exemption.requirementId === requirement.id)
        .map(({ membershipId, reason, approvedBy, evidenceFileId, createdAt }) => ({ membershipId, reason, approvedBy, evidenceFileId, createdAt })),
    }),
  );
  const owed = members.flatMap(({ councilId, council, ...member }) =>
    standingsOf({ requirements: requirements.filter((requirement) => requirement.councilId === councilId), members: [member], training, today, language }).flatMap((requirement) =>
      requirement.standings.map(({ status }) => ({
        requirementId: requirement.id,
        label: requirement.label,
        moduleId: requirement.moduleId,
        courseTopic: requirement.courseTopic,
        council: language === "cy" ? (council.welshName ?? council.name) : council.name,
        status,
      })),
    ),
  );
  const dueDate = (status: TrainingStatus) => (status.state === "due" || status.state === "overdue" ? status.dueOn.getTime() : Infinity);
  return owed.sort((a, b) => STATE_ORDER[a.status.state] - STATE_ORDER[b.status.state] || dueDate(a.status) - dueDate(b.status));
}

/**
 * Who may sit on a committee: each current member and substitute, and the requirements for the committee
 * that stop them sitting until met (blocksSitting), with where they stand on each. Requirements that do not
 * block are listed too, for the clerk to see what is due.
 */
export async function committeeReadiness({ councilId, committeeId, language, today = ukToday() }: { councilId: string; committeeId: string; language: Language; today?: Date }) {
  const committee = await db.committee.findFirst({ where: { id: committeeId, councilId }, select: { id: true, name: true, council: { select: { name: true, welshName: true } } } });
  if (!committee) return null;
  const { members, requirements } = await councilTraining({ councilId, committeeId, language, today });
  return { committee, seats: seatsOn(committeeId, members, requirements), requirementCount: requirements.length, checkedOn: today };
}

/** Every committee's readiness on one page: one read of the council's training, shared out by committee. */
export async function councilReadiness({ councilId, language, today = ukToday() }: { councilId: string; language: Language; today?: Date }) {
  const [committees, { members, requirements }] = await Promise.all([
    db.committee.findMany({ where: { councilId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    councilTraining({ councilId, language, today }),
  ]);
  return {
    checkedOn: today,
    committees: committees.map((committee) => {
      const theirs = requirements.filter((requirement) => requirement.committeeId === committee.id);
      const onIt = members.filter((member) => member.committees.some((seat) => seat.committeeId === committee.id));
      return { ...committee, seats: seatsOn(committee.id, onIt, theirs), requirementCount: theirs.length };
    }),
  };
}

function seatsOn(committeeId: string, members: MemberRow[], requirements: CouncilTraining["requirements"]) {
  const seats = members.map((member) => {
    const seat = member.committees.find((c) => c.committeeId === committeeId)!;
    const owed = requirements.map((requirement) => ({
      requirementId: requirement.id,
      label: requirement.label,
      blocksSitting: requirement.blocksSitting,
      status: requirement.standings.find((s) => s.membershipId === member.id)!.status,
    }));
    return {
      membershipId: member.id,
      name: member.user.name,
      role: seat.role,
      appointedOn: seat.appointedOn,
      maySit: owed.every((o) => !o.blocksSitting || isSatisfied(o.status)),
      requirements: owed,
    };
  });
  // members before substitutes, each by name (already by name)
  return seats.sort((a, b) => Number(a.role === "substitute") - Number(b.role === "substitute"));
}

export type CommitteeSeat = ReturnType<typeof seatsOn>[number];
