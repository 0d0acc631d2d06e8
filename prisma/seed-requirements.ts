// The demo councils' training requirements, as their constitutions commonly set them: code of conduct training
// for every member within two months of first election and again every two years, and yearly planning training
// before sitting on the planning committee. Leeds has recorded an external planning briefing for one member and
// exempted another, and has offered this year's development reviews. Written through the functions officers use.
import { appointToCommittee } from "~/councils/committees.server";
import { db } from "~/utils/db.server";
import { recordTraining } from "~/requirements/recorded.server";
import { createRequirement, exemptMember, type RequirementInput } from "~/requirements/requirements.server";
import { currentMunicipalYear, saveReview } from "~/requirements/reviews.server";

/** A requirement's fields left empty, for the ones below to fill in. */
export const NO_REQUIREMENT: Omit<RequirementInput, "name" | "moduleId" | "audience" | "dueRule" | "dueWithinDays" | "validForMonths"> = {
  courseTopic: null,
  committeeId: null,
  chosenMembershipIds: [],
  electedOnOrAfter: null,
  dueOn: null,
  earlierWithinMonths: null,
  blocksSitting: false,
};

/** Code of conduct training for every member within 60 days of first election, and again every two years. */
export const CODE_OF_CONDUCT: RequirementInput = {
  ...NO_REQUIREMENT,
  name: null,
  moduleId: "standards-in-public-office",
  audience: "all",
  dueRule: "after-election",
  dueWithinDays: 60,
  validForMonths: 24,
};

/** Yearly planning training for the planning committee's members and substitutes, before they may sit. */
export function planningTrainingFor(committeeId: string): RequirementInput {
  return {
    ...NO_REQUIREMENT,
    name: "Planning training",
    moduleId: null,
    audience: "committee",
    committeeId,
    dueRule: "after-appointment",
    dueWithinDays: 30,
    validForMonths: 12,
    blocksSitting: true,
  };
}

export const PDF = new TextEncoder().encode("%PDF-1.4\n% Planning Advisory Service: certificate of attendance (demo)\n%%EOF\n");

/** `demoCouncillor`: the demo councillor's email, left with planning training to do. */
export async function seedRequirements({ demoCouncillor }: { demoCouncillor: string }) {
  const councils = await db.council.findMany({
    select: { id: true, name: true, users: { where: { role: "officer" }, select: { id: true }, take: 1 }, committees: { select: { id: true, name: true } } },
    orderBy: { name: "asc" },
  });
  for (const council of councils) {
    const officer = council.users[0];
    const planning = council.committees.find((committee) => committee.name === "Planning committee");
    if (!officer || !planning) continue;
    const act = { councilId: council.id, actorId: officer.id };
    const conduct = await createRequirement({ ...act, input: CODE_OF_CONDUCT }, {});
    const planningTraining = await createRequirement({ ...act, input: planningTrainingFor(planning.id) }, {});
    if (conduct.status !== "created" || planningTraining.status !== "created") throw new Error(`Could not seed ${council.name}'s requirements`);
    if (council.name !== "Leeds City Council") continue;
    // Leeds puts its confirmed members on the planning committee (the demo councillor first, with training still to do)
    const members = await db.membership.findMany({
      where: { councilId: council.id, confirmedAt: { not: null }, committees: { none: { committeeId: planning.id } } },
      select: { id: true, memberSince: true },
      orderBy: { user: { email: "asc" } },
    });
    for (const member of members) {
      await appointToCommittee({ ...act, membershipId: member.id, seat: { committeeId: planning.id, role: "member", appointedOn: daysAgo(20) } }, {});
    }
    const seats = await db.committeeMembership.findMany({
      where: { committeeId: planning.id, membership: { user: { email: { not: demoCouncillor } } } },
      select: { membershipId: true },
      orderBy: { membership: { user: { name: "asc" } } },
    });
    const [briefed, exempted] = seats;
    if (briefed) {
      await recordTraining(
        {
          ...act,
          membershipId: briefed.membershipId,
          record: { title: "Planning committee briefing", provider: "Planning Advisory Service", completedOn: daysAgo(40), minutes: 180, requirementId: planningTraining.requirementId },
          evidence: { name: "planning-briefing-certificate.pdf", contentType: "application/pdf", content: PDF },
        },
        {},
      );
    }
    // this municipal year's development reviews: offered to all, one held with needs that became an enrolment
    const leeds = await db.membership.findMany({ where: { councilId: council.id, confirmedAt: { not: null } }, select: { id: true }, orderBy: { user: { email: "asc" } } });
    for (const [index, member] of leeds.entries()) {
      const held = index === 1;
      await saveReview(
        {
          ...act,
          membershipId: member.id,
          municipalYear: currentMunicipalYear(),
          record: {
            offeredOn: daysAgo(60),
            outcome: held ? "taken-up" : index === 2 ? "declined" : null,
            heldOn: held ? daysAgo(45) : null,
            reviewer: held ? "Cllr Helen Hayden, member development champion" : null,
            needs: held ? "Chairing planning site visits; handling difficult conversations with residents" : null,
          },
          enrolOn: held ? ["difficult-conversations"] : [],
        },
        {},
      );
    }
    if (exempted) {
      await exemptMember(
        {
          ...act,
          requirementId: planningTraining.requirementId,
          membershipId: exempted.membershipId,
          reason: "Chartered town planner: trained and practising",
          approvedBy: "Monitoring Officer",
          evidence: null,
        },
        {},
      );
    }
  }
}

function daysAgo(days: number) {
  const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  return new Date(today.getTime() - days * 86_400_000);
}
