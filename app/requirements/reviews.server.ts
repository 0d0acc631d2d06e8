// Annual development reviews: each municipal year (May to April) a council offers every member a review of
// their training needs (Local Government (Wales) Measure 2011, s.7; the member development charter in
// England). An officer records it per membership and year; needs agreed can become enrolments. The member
// sees their own.
import { COUNTED_MEMBER } from "~/councils/membership.server";
import { recordAudit, type RequestOrigin } from "~/models/audit.server";
import { db } from "~/utils/db.server";
import { ukToday } from "~/utils/uk-time";
import { enrolMember } from "./on-behalf.server";
import { municipalYearOf, type ReviewOutcome } from "./rules";


export type ReviewRecord = { offeredOn: Date; outcome: ReviewOutcome | null; heldOn: Date | null; reviewer: string | null; needs: string | null };

export function currentMunicipalYear(now = new Date()) {
  return municipalYearOf(ukToday(now));
}

/** Each current member of the council with their review for the year (null when nothing is recorded yet). */
export async function reviewsAt(councilId: string, municipalYear: number) {
  const members = await db.membership.findMany({
    where: { councilId, ...COUNTED_MEMBER },
    select: { id: true, user: { select: { name: true } }, reviews: { where: { municipalYear }, select: { offeredOn: true, outcome: true, heldOn: true, reviewer: true } } },
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
  });
  return members.map(({ reviews, ...member }) => ({ ...member, review: reviews[0] ?? null }));
}

/** One member's review for a year, for the officer's form. Null when the member is not the council's. */
export async function reviewFor({ councilId, membershipId, municipalYear }: { councilId: string; membershipId: string; municipalYear: number }) {
  const member = await db.membership.findFirst({
    where: { id: membershipId, councilId, ...COUNTED_MEMBER },
    select: { id: true, user: { select: { name: true } }, reviews: { where: { municipalYear }, select: { offeredOn: true, outcome: true, heldOn: true, reviewer: true, needs: true } } },
  });
  return member && { id: member.id, name: member.user.name, review: member.reviews[0] ?? null };
}

/** Records (or corrects) a member's review for a year, and enrols them on the modules chosen from the needs. */
export async function saveReview(
  { councilId, membershipId, municipalYear, record, enrolOn, actorId }: { councilId: string; membershipId: string; municipalYear: number; record: ReviewRecord; enrolOn: string[]; actorId: string },
  origin: RequestOrigin,
) {
  const member = await db.membership.findFirst({ where: { id: membershipId, councilId, ...COUNTED_MEMBER }, select: { user: { select: { id: true, email: true } }, council: { select: { name: true } } } });
  if (!member) return { status: "not-found" } as const;
  await db.$transaction(async (tx) => {
    await tx.developmentReview.upsert({
      where: { membershipId_municipalYear: { membershipId, municipalYear } },
      create: { membershipId, municipalYear, ...record, recordedById: actorId },
      update: { ...record, recordedById: actorId },
    });
    const detail = `${member.council.name}: ${municipalYear}–${municipalYear + 1}, offered ${record.offeredOn.toISOString().slice(0, 10)}, ${record.outcome ?? "no answer yet"}`;
    await recordAudit({ type: "review-recorded", userId: member.user.id, actorId, email: member.user.email, detail }, origin, tx);
  });
  let enrolled = 0;
  for (const moduleId of enrolOn) if ((await enrolMember({ councilId, membershipId, moduleId, actorId }, origin)).status === "enrolled") enrolled++;
  return { status: "saved", enrolled } as const;
}

/** A person's own reviews, at every council, latest year first. */
export async function reviewsOf(userId: string) {
  return db.developmentReview.findMany({
    where: { membership: { userId } },
    select: {
      municipalYear: true,
      offeredOn: true,
      outcome: true,
      heldOn: true,
      reviewer: true,
      needs: true,
      membership: { select: { council: { select: { name: true, welshName: true } } } },
    },
    orderBy: { municipalYear: "desc" },
  });
}
