// What training each person has done that a requirement could count: modules completed (or their check
// passed again since, for a refresher), scheduled courses attended, and training an officer recorded. Only
// dates and titles: never scores, reflections or case-study answers.
import type { Prisma } from "@prisma/client";
import { COUNTED_MEMBER } from "~/councils/membership.server";
import { db } from "~/utils/db.server";
import { ukDate } from "~/utils/uk-time";
import type { Training } from "./rules";

/** Whose training: these people, or a council's counted members. */
export type People = { userIds: string[] } | { councilId: string };

/** What the requirements asked about could be met by. */
export type Wanted = { moduleIds: string[]; topics: string[]; requirementIds: string[] };

export function wantedBy(requirements: { id: string; moduleId: string | null; courseTopic: string | null }[]): Wanted {
  return {
    moduleIds: [...new Set(requirements.flatMap((r) => (r.moduleId ? [r.moduleId] : [])))],
    topics: [...new Set(requirements.flatMap((r) => (r.courseTopic ? [r.courseTopic] : [])))],
    requirementIds: requirements.map((r) => r.id),
  };
}

function peopleWhere(people: People): Prisma.UserWhereInput {
  return "councilId" in people ? { memberships: { some: { councilId: people.councilId, ...COUNTED_MEMBER } } } : { id: { in: people.userIds } };
}

/** Each person's training of the kinds wanted, by person. People with none are absent. */
export async function trainingOf(people: People, wanted: Wanted): Promise<Map<string, Training[]>> {
  const user = peopleWhere(people);
  const none = Promise.resolve([]);
  const [completions, passes, courses, recorded] = await Promise.all([
    wanted.moduleIds.length === 0
      ? none
      : db.moduleCompletion.findMany({ where: { user, moduleId: { in: wanted.moduleIds } }, select: { userId: true, moduleId: true, moduleTitle: true, completedAt: true } }),
    // a refresher: passing the check again after completing the module renews it
    wanted.moduleIds.length === 0
      ? none
      : db.knowledgeCheckAttempt.groupBy({
          by: ["userId", "moduleId"],
          where: { user, moduleId: { in: wanted.moduleIds }, passed: true, submittedAt: { not: null } },
          _max: { submittedAt: true },
        }),
    wanted.topics.length === 0
      ? none
      : db.booking.findMany({
          where: { user, status: "confirmed", attendance: "attended", course: { status: "published", topic: { in: wanted.topics } } },
          select: { userId: true, course: { select: { id: true, title: true, topic: true, endsAt: true } } },
        }),
    wanted.requirementIds.length === 0
      ? none
      : db.recordedTraining.findMany({
          where: { user, requirementId: { in: wanted.requirementIds } },
          select: { id: true, userId: true, requirementId: true, title: true, provider: true, completedOn: true },
        }),
  ]);
  return trainingFrom({ completions, passes, courses: courses.map(({ userId, course }) => ({ userId, ...course })), recorded });
}

type Facts = {
  completions: { userId: string; moduleId: string; moduleTitle: string; completedAt: Date }[];
  /** The last passed check of each person and module */
  passes: { userId: string; moduleId: string; _max: { submittedAt: Date | null } }[];
  /** Courses attended */
  courses: { userId: string; id: string; title: string; topic: string; endsAt: Date }[];
  recorded: { id: string; userId: string; requirementId: string | null; title: string; provider: string; completedOn: Date }[];
};

/** Each person's training, from their records (read here, or already read by a page that shows them too). */
export function trainingFrom({ completions, passes, courses, recorded }: Facts): Map<string, Training[]> {
  const byPerson = new Map<string, Training[]>();
  const add = (userId: string, training: Training) => (byPerson.get(userId) ?? byPerson.set(userId, []).get(userId)!).push(training);
  const lastPass = new Map(passes.map((p) => [`${p.userId}:${p.moduleId}`, p._max.submittedAt]));
  for (const c of completions) {
    const passed = lastPass.get(`${c.userId}:${c.moduleId}`);
    const at = passed && passed > c.completedAt ? passed : c.completedAt;
    add(c.userId, { source: "module", on: ukDate(at), moduleId: c.moduleId, title: c.moduleTitle });
  }
  for (const course of courses) add(course.userId, { source: "course", on: ukDate(course.endsAt), topic: course.topic, title: course.title, courseId: course.id });
  for (const r of recorded) {
    add(r.userId, { source: "recorded", on: r.completedOn, requirementId: r.requirementId, title: r.title, provider: r.provider, recordedTrainingId: r.id });
  }
  return byPerson;
}
