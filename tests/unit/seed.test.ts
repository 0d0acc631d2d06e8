// The demo data keeps the learning rules: every seeded completion has every lesson done and a passed check.
import { expect, test } from "vitest";
import { seedDemoData, DEMO_SIGN_INS } from "../../prisma/seed";
import { readCatalogue } from "~/content/content.server";
import { continueLearning, progressForModules } from "~/models/progress.server";
import { db } from "~/utils/db.server";

test("seeded progress follows the completion rules, and the demo councillor has a certificate and a module half done", async () => {
  await seedDemoData();
  const { modules } = readCatalogue();
  const completions = await db.moduleCompletion.findMany();
  expect(completions.length).toBeGreaterThan(50);
  for (const completion of completions) {
    const progress = (await progressForModules(completion.userId, modules)).get(completion.moduleId)!;
    expect(progress.lessonsDone).toBe(modules.find((m) => m.id === completion.moduleId)!.lessons.length);
    expect(progress.passed).toBe(true);
  }
  const demo = await db.user.findUniqueOrThrow({ where: { email: DEMO_SIGN_INS.councillor } });
  const { current, progress } = await continueLearning(demo.id, modules);
  expect(current?.module.id).toBe("prevent-duty");
  expect(current?.progress.nextStep).toMatchObject({
    kind: "lesson",
    slug: modules.find((m) => m.id === "prevent-duty")!.lessons[2]!.slug,
  });
  expect(progress.get("councillor-induction")?.state).toBe("completed");
});
