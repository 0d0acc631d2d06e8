// A council's choices about its training: when reminders start, how many overdue reminders come before the
// officer is told, whether party group leaders are told too (and their addresses), and whether officers see
// knowledge-check scores. Each change is audited.
import { COUNTED_MEMBER } from "~/councils/membership.server";
import { recordAudit, type RequestOrigin } from "~/models/audit.server";
import { db } from "~/utils/db.server";

export type TrainingSettings = {
  remindDaysBefore: number;
  overdueRemindersBeforeEscalating: number;
  escalateToGroupLeaders: boolean;
  showScoresToOfficers: boolean;
};

/** The settings, and each party group of the council's members with its leader's address (or null). */
export async function trainingSettingsOf(councilId: string) {
  const [council, groups, leaders] = await Promise.all([
    db.council.findUniqueOrThrow({
      where: { id: councilId },
      select: { name: true, remindDaysBefore: true, overdueRemindersBeforeEscalating: true, escalateToGroupLeaders: true, showScoresToOfficers: true },
    }),
    db.membership.findMany({ where: { councilId, ...COUNTED_MEMBER, partyGroup: { not: null } }, distinct: ["partyGroup"], select: { partyGroup: true }, orderBy: { partyGroup: "asc" } }),
    db.partyGroupLeader.findMany({ where: { councilId }, select: { partyGroup: true, email: true } }),
  ]);
  const names = [...new Set([...groups.map((g) => g.partyGroup!), ...leaders.map((l) => l.partyGroup)])].sort();
  return { council, groups: names.map((partyGroup) => ({ partyGroup, leaderEmail: leaders.find((l) => l.partyGroup === partyGroup)?.email ?? null })) };
}

/** Saves the settings and the leaders' addresses (an empty address removes the leader), in one transaction. */
export async function saveTrainingSettings(
  { councilId, settings, leaders, actorId }: { councilId: string; settings: TrainingSettings; leaders: { partyGroup: string; email: string | null }[]; actorId: string },
  origin: RequestOrigin,
) {
  await db.$transaction(async (tx) => {
    const council = await tx.council.update({ where: { id: councilId }, data: settings, select: { name: true } });
    for (const { partyGroup, email } of leaders) {
      if (email) await tx.partyGroupLeader.upsert({ where: { councilId_partyGroup: { councilId, partyGroup } }, create: { councilId, partyGroup, email }, update: { email } });
      else await tx.partyGroupLeader.deleteMany({ where: { councilId, partyGroup } });
    }
    const named = leaders.filter((l) => l.email).map((l) => l.partyGroup);
    const detail = `${council.name}: reminders from ${settings.remindDaysBefore} days before, ${settings.overdueRemindersBeforeEscalating} overdue reminders then the officer; group leaders told: ${settings.escalateToGroupLeaders ? `yes (${named.join(", ") || "none named"})` : "no"}; officers see scores: ${settings.showScoresToOfficers ? "yes" : "no"}`;
    await recordAudit({ type: "council-settings-changed", actorId, detail }, origin, tx);
  });
}
