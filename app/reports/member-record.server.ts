// One member's training record for a municipal year, for their own annual report and for committee papers:
// where they stood on each of the council's requirements (at the year's end, or today), the online modules
// completed that year and in progress, the courses they attended, the training the council recorded, and
// their development review. Their officer's council only; never reflections, scores only if the council shows them.
import { getCatalogue } from "~/content/content.server";
import { attendedCourses } from "~/courses/record.server";
import type { Language } from "~/i18n/config";
import { learningFor } from "~/learning/reader.server";
import { endOfDay, municipalYearOf } from "~/requirements/rules";
import { councilTraining } from "~/requirements/status.server";
import { db } from "~/utils/db.server";
import { ukDate, ukToday } from "~/utils/uk-time";
import { requirementCell } from "./council-report.server";
import { yearDates } from "./filters";

export async function memberRecord({ councilId, membershipId, year, language, now = new Date() }: { councilId: string; membershipId: string; year: number; language: Language; now?: Date }) {
  const member = await db.membership.findFirst({
    where: { id: membershipId, councilId, confirmedAt: { not: null } },
    select: {
      id: true,
      userId: true,
      kind: true,
      ward: true,
      partyGroup: true,
      memberSince: true,
      leftOfficeOn: true,
      user: { select: { name: true } },
      council: { select: { name: true, welshName: true, showScoresToOfficers: true } },
      reviews: { where: { municipalYear: year }, select: { offeredOn: true, outcome: true, heldOn: true, reviewer: true } },
    },
  });
  if (!member) return null;
  const today = ukToday(now);
  const { firstDay, lastDay } = yearDates(year);
  const asOf = year < municipalYearOf(today) ? lastDay : undefined;
  const inYear = (date: Date) => date >= firstDay && date <= lastDay;
  const modules = getCatalogue(language).modules;
  const [{ requirements }, learning, courses, recorded] = await Promise.all([
    councilTraining({ councilId, language, membershipId, today, asOf }),
    learningFor({ userIds: [member.userId] }, modules, asOf ? { asOf: endOfDay(asOf) } : {}),
    attendedCourses(member.userId, { language }),
    db.recordedTraining.findMany({
      where: { userId: member.userId, councilId, completedOn: { gte: firstDay, lte: lastDay } },
      select: { id: true, title: true, provider: true, completedOn: true, minutes: true },
      orderBy: { completedOn: "asc" },
    }),
  ]);
  const progress = learning.get(member.userId);
  const score = (moduleId: string) => (member.council.showScoresToOfficers ? (progress?.get(moduleId)?.bestScore ?? null) : null);
  return {
    member: {
      name: member.user.name,
      kind: member.kind,
      ward: member.ward,
      partyGroup: member.partyGroup,
      memberSince: member.memberSince,
      leftOfficeOn: member.leftOfficeOn,
      council: language === "cy" ? (member.council.welshName ?? member.council.name) : member.council.name,
    },
    year,
    asOf: asOf ?? today,
    requirements: requirements
      .map((requirement) => ({ id: requirement.id, label: requirement.label, cell: requirementCell(requirement.standings.find((s) => s.membershipId === membershipId)?.status) }))
      .filter((requirement) => requirement.cell.state !== "not-applicable"),
    completed: modules
      .filter((module) => {
        const completedAt = progress?.get(module.id)?.completedAt;
        return completedAt && inYear(ukDate(completedAt));
      })
      .map((module) => ({ id: module.id, title: module.title, on: ukDate(progress!.get(module.id)!.completedAt!), score: score(module.id) })),
    inProgress: modules
      .filter((module) => progress?.get(module.id)?.state === "in-progress")
      .map((module) => ({ id: module.id, title: module.title, percent: progress!.get(module.id)!.percent })),
    courses: courses.filter((course) => inYear(ukDate(course.startsAt))).reverse(),
    recorded,
    review: member.reviews[0] ?? null,
  };
}

export type MemberRecord = NonNullable<Awaited<ReturnType<typeof memberRecord>>>;
