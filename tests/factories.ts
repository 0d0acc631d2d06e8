// Data builders for the tests. (Production code, the demo seed included, never imports from tests/.)
import type { RequirementInput } from "~/requirements/requirements.server";
import { randomBytes } from "node:crypto";
import type { ModuleInfo } from "~/content/content.server";
import type { KnowledgeCheck } from "~/content/schema";
import type { Answers, ModuleOutline } from "~/learning/core";
import { startKnowledgeCheck, submitKnowledgeCheck } from "~/learning/knowledge-check.server";
import type { CourseInput } from "~/courses/courses.server";
import type { CouncilType } from "~/models/council.server";
import { db } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import type { Role } from "~/utils/permissions";

export const TEST_PASSWORD = "marble-lantern-orchard-42";

// Hashing with argon2 takes about 60 ms: hash each distinct password once per process.
const hashes = new Map<string, Promise<string>>();
export function passwordHashFor(password: string) {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
}

function unique() {
  return randomBytes(4).toString("hex");
}

export async function createCouncil(
  overrides: Partial<{ name: string; welshName: string; slug: string; type: CouncilType; region: string; nation: "england" | "wales" }> = {},
) {
  const id = unique();
  return db.council.create({
    data: {
      name: overrides.name ?? `Testshire ${id} Council`,
      welshName: overrides.welshName ?? null,
      slug: overrides.slug ?? `testshire-${id}`,
      type: overrides.type ?? "district",
      region: overrides.region ?? "South East",
      nation: overrides.nation ?? "england",
    },
  });
}

type UserOptions = {
  role?: Role;
  /** An officer's council, or the council a councillor sits on (through a membership) */
  councilId?: string | null;
  name?: string;
  email?: string;
  password?: string | null;
  /** Whether the email address is confirmed */
  confirmed?: boolean;
  deactivated?: boolean;
  /** A councillor's membership of their council: confirmed by its officer unless `confirmed: false` here */
  membership?: Partial<{ kind: string; memberSince: Date | null; termStartedOn: Date | null; leftOfficeOn: Date | null; confirmed: boolean }>;
};

/**
 * A person. A councillor comes with one membership of `councilId` (a new council unless given): the returned
 * `councilId` is that council's, while the account's own councilId column is an officer's only.
 */
export async function createUser(options: UserOptions = {}) {
  const role = options.role ?? "councillor";
  const councilId = role === "staff" ? null : (options.councilId ?? (await createCouncil()).id);
  const id = unique();
  const password = options.password === undefined ? TEST_PASSWORD : options.password;
  const user = await db.user.create({
    data: {
      role,
      councilId: role === "officer" ? councilId : null,
      name: options.name ?? `Test ${role} ${id}`,
      email: (options.email ?? `${role}-${id}@example.org`).toLowerCase(),
      passwordHash: password ? await passwordHashFor(password) : null,
      emailConfirmedAt: options.confirmed === false ? null : new Date(),
      deactivatedAt: options.deactivated ? new Date() : null,
    },
  });
  const membership =
    role === "councillor" && councilId ? await addMembership({ userId: user.id, councilId, ...options.membership }) : null;
  return { ...user, councilId, membershipId: membership?.id ?? null, password };
}

/** A membership of a council, confirmed by its officer unless `confirmed: false`. */
export async function addMembership({
  userId,
  councilId,
  confirmed,
  ...details
}: { userId: string; councilId: string } & NonNullable<UserOptions["membership"]>) {
  return db.membership.create({
    data: {
      userId,
      councilId,
      kind: details.kind ?? "elected",
      memberSince: details.memberSince === undefined ? new Date("2026-05-07") : details.memberSince,
      termStartedOn: details.termStartedOn ?? null,
      leftOfficeOn: details.leftOfficeOn ?? null,
      confirmedAt: confirmed === false ? null : new Date(),
    },
  });
}

// ---------------------------------------------------------------- learning

/** A module as the catalogue describes it, without files: for the domain rules' tests. */
export function sampleModule(overrides: Partial<ModuleInfo> = {}): ModuleInfo {
  const lessons = (overrides.lessons ?? ["one", "two", "three", "four"].map((slug, i) => ({ slug, title: `Lesson ${slug}`, file: `0${i + 1}-${slug}.mdx`, position: i + 1, words: 800, minutes: 8, })));
  return {
    id: `sample-${unique()}`,
    title: "A sample module",
    summary: "A module for the tests, with four lessons and six questions.",
    topic: "standards",
    audience: "Everyone",
    minutes: 40,
    outcomes: ["One", "Two", "Three"],
    version: 1,
    passMark: 70,
    sources: [{ title: "A source", publisher: "A publisher" }],
    language: "en",
    languages: ["en"],
    dir: "modules/01-sample",
    hash: unique(),
    words: 3200,
    questionCount: 6,
    checkMinutes: 5,
    ...overrides,
    lessons,
  };
}

export { sampleKnowledgeCheck } from "./knowledge-check-fixture";

/** Answers with the first `right` questions correct and the rest wrong. */
export function answersFor(knowledgeCheck: KnowledgeCheck, right: number) {
  return Object.fromEntries(knowledgeCheck.questions.map((q, i) => [q.id, i < right ? "b" : "a"]));
}

/**
 * Starts an attempt and submits these answers (by question id), as the knowledge-check page does. With six
 * questions every attempt asks them all, so `answersFor` scores exactly its number right.
 */
export async function takeKnowledgeCheck(args: { userId: string; module: ModuleOutline; knowledgeCheck: KnowledgeCheck; answers: Answers; at?: Date }) {
  const { id } = await startKnowledgeCheck(args);
  const submission = await submitKnowledgeCheck({ ...args, attemptId: id });
  if (submission.kind !== "graded") throw new Error(`The attempt was not graded: ${submission.kind}`);
  return submission;
}

// ---------------------------------------------------------------- courses

const DAY = 86_400_000;

/**
 * A course, published and open for booking unless told otherwise: it starts in 30 days (10:00–16:00 UTC),
 * booking closed 2 days before, cancellation cut-off 7 days before. `now` anchors the dates.
 */
export async function createCourse(overrides: Partial<CourseInput & { status: string }> = {}, now = new Date()) {
  const startsAt = overrides.startsAt ?? new Date(Math.floor(now.getTime() / DAY) * DAY + 30 * DAY + 10 * 3_600_000);
  return db.course.create({
    data: {
      title: `Prevent in practice ${unique()}`,
      topic: "counter-extremism",
      description: "A day on the Prevent duty for councillors.",
      moduleId: null,
      format: "in-person",
      venue: "Local Government House",
      address: "18 Smith Square, London SW1P 3HZ",
      joiningLink: null,
      endsAt: new Date(startsAt.getTime() + 6 * 3_600_000),
      capacity: 20,
      bookingOpensAt: new Date(now.getTime() - DAY),
      bookingClosesAt: new Date(startsAt.getTime() - 2 * DAY),
      cancellationCutoffAt: new Date(startsAt.getTime() - 7 * DAY),
      audience: "councillors",
      electedWithinMonths: null,
      nation: null,
      contactName: "Events team",
      contactEmail: "events@example.org",
      offerHours: 48,
      status: "published",
      ...overrides,
      startsAt,
    },
  });
}

// ---------------------------------------------------------------- training requirements

/** A requirement as an officer would set it: the code of conduct module for all members, within 60 days of first election. */
export function requirementInput(overrides: Partial<RequirementInput> = {}): RequirementInput {
  return {
    name: null,
    moduleId: "standards-in-public-office",
    courseTopic: null,
    audience: "all",
    committeeId: null,
    chosenMembershipIds: [],
    electedOnOrAfter: null,
    dueRule: "after-election",
    dueOn: null,
    dueWithinDays: 60,
    validForMonths: null,
    earlierWithinMonths: null,
    blocksSitting: false,
    ...overrides,
  };
}
