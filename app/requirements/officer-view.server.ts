// What a council's officer sees of one member's online learning: each module started, how far, and when
// completed. Knowledge-check scores only where the council chose to see them (Council.showScoresToOfficers):
// constitutions ask for completion. Reflections and case-study answers are never read here.
import { getCatalogue } from "~/content/content.server";
import type { Language } from "~/i18n/config";
import { progressForModules } from "~/learning/reader.server";
import { db } from "~/utils/db.server";

export async function modulesForOfficer({ councilId, userId, language }: { councilId: string; userId: string; language: Language }) {
  const modules = getCatalogue(language).modules;
  const [progress, council] = await Promise.all([
    progressForModules({ userId, modules }),
    db.council.findUniqueOrThrow({ where: { id: councilId }, select: { showScoresToOfficers: true } }),
  ]);
  return modules.flatMap((module) => {
    const p = progress.get(module.id)!;
    if (p.state === "not-started") return [];
    return [{ id: module.id, title: module.title, state: p.state, percent: p.percent, completedAt: p.completedAt, bestScore: council.showScoresToOfficers ? p.bestScore : null }];
  });
}
