// `npm run seed:scale`: a national data set for measuring reports at scale (`npm run bench`): every principal
// council of England and Wales (prisma/all-councils.ts; 339), about 19,000 councillors (a few hundred of them on
// a county and one of its districts), an officer for each council, committees with members and substitutes,
// requirements as councils set them, two years of learning, and a programme of courses with bookings and
// registers. Into DATABASE_URL, else its own SQLite file data/scale.db (never the demo's data/app.db); the
// database is emptied first (the file deleted, or PostgreSQL's public schema dropped) and migrated as the server
// does. `seedScale({ councils, members })` seeds a smaller set, for tests.
//
// The demo sign-ins of prisma/seed.ts are in it with their roles and password, made as part of the national set
// (the demo seed itself is not run: its 150 people, every step through the domain, take 14 s on SQLite and 33 s
// on PostgreSQL, and would make the test of this slow): Joanne Whitaker, officer@demo.example, is Leeds City
// Council's officer, Leeds has 150 members, the most of any, and the first is Amina Hussain,
// councillor@demo.example, on its planning committee with her learning as the demo has it; Priya Raman,
// staff@demo.example, is staff.
//
// What goes through the app's own functions, so that it is what the app would make: the councils' committees
// (addCommittee), requirements (createRequirement), training recorded elsewhere (recordTraining) and
// exemptions (exemptMember), the programme of courses (createCourse, publishCourse, cancelCourse), every booking
// of three courses (bookPlace, cancelBooking, markAttendance), the course jobs once at the end (runCourseJobs)
// and the demo councillor's learning (lessons and knowledge checks, as seed.ts writes the demo's). Councils,
// officers and staff are made as seed.ts makes them.
//
// What is written in bulk (scale/bulk.ts), because half a million rows one at a time through the domain would
// take far longer than the five minutes this has, and createMany through Prisma writes only 2,000–5,500 rows a
// second here: the people with their memberships and committee places (as applyMemberList writes an uploaded
// members list, the invitations accepted), claims waiting for an officer (claimMembership), leavers
// (markLeftOffice), development reviews (saveReview), everyone else's learning (scale/learning.ts: lessons,
// attempts drawn and graded by the rules in app/learning/core.ts, completions with their certificates,
// enrolments, private reflections and case-study choices) and the other courses' bookings, played out by the
// booking rules (scale/courses.ts); each with the audit events its function records, in the shapes those
// functions write. Left out: the emails those steps would have sent long ago.
//
// Everything random is seeded (seededRandom), per council, and every date is reckoned from midnight (UTC) of the
// day it runs, so two runs on one day make the same people, learning and bookings on SQLite and PostgreSQL alike
// (ids and certificate codes apart: they are random, as the app makes them).
// first: it settles the database before the app's Prisma client (imported below) is made
import { runAsScript } from "./scale/target";
import fs from "node:fs";
import pg from "pg";
import { lessonTree, readCatalogue, findModule } from "~/content/content.server";
import { componentsIn } from "~/content/tree";
import type { EligibilityPerson } from "~/courses/eligibility";
import { bookPlace, cancelBooking } from "~/courses/booking.server";
import { cancelCourse, createCourse, publishCourse } from "~/courses/courses.server";
import { markAttendance } from "~/courses/delegates.server";
import { runCourseJobs } from "~/courses/jobs.server";
import { seededRandom, type Random } from "~/learning/core";
import type { CouncilType } from "~/models/council.server";
import { recordTraining } from "~/requirements/recorded.server";
import { createRequirement, exemptMember, type RequirementInput } from "~/requirements/requirements.server";
import { currentMunicipalYear } from "~/requirements/reviews.server";
import { databaseUrl, db, isPostgresUrl } from "~/utils/db.server";
import { migrate, sqliteFilePath } from "~/utils/migrate.server";
import { hashPassword } from "~/utils/password.server";
import { ukToday } from "~/utils/uk-time";
import { ALL_COUNCILS, type CouncilSeed } from "./all-councils";
import { slugify } from "./councils";
import { newId, openBulkWriter, type BulkRow, type BulkWriter } from "./scale/bulk";
import { playOutBookings, programme, type Booker, type CoursePlan } from "./scale/courses";
import { addLearning, emptyLearning, type Learner, type LearningRows, type ModuleKit } from "./scale/learning";
import { emailFor, partiesOf, personName, pick, wardsOf, weighted } from "./scale/people";
import { DEMO_PASSWORD, DEMO_SIGN_INS, seedCommittees, seedModuleProgress } from "./seed";
import { CODE_OF_CONDUCT, NO_REQUIREMENT, PDF, planningTrainingFor } from "./seed-requirements";

export type ScaleOptions = {
  /** How many councils: all 339 unless fewer are asked for (Leeds, Lancashire and Pendle, then every type in turn) */
  councils?: number;
  /** Each council's members as a share of its real size: 1 for the national set, 0.05 for a quick test */
  members?: number;
  /** The day it is seeded: learning runs up to it, courses around it. Everything is dated from that day's midnight (UTC), so two runs on one day make the same data. */
  now?: Date;
  log?: (line: string) => void;
};

const DAY = 86_400_000;
const HOUR = 3_600_000;
export const DEMO_COUNCIL = "Leeds City Council";

const SIZES: Record<CouncilType, [number, number]> = {
  district: [30, 57],
  county: [60, 85],
  unitary: [50, 100],
  "metropolitan-borough": [50, 100],
  "london-borough": [50, 70],
  "welsh-principal": [30, 75],
};
/** Known sizes: the bench measures Leeds as the largest council's report. */
const SEATS: Record<string, number> = {
  [DEMO_COUNCIL]: 150,
  "Birmingham City Council": 101,
  "City of London Corporation": 100,
  "Council of the Isles of Scilly": 16,
};

/** A stable number for a name (FNV-1a), so a council's draw does not depend on which others are seeded. */
function hashOf(text: string) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

export function seatsOf(seed: CouncilSeed, members = 1) {
  const [low, high] = SIZES[seed.type];
  const seats = SEATS[seed.name] ?? low + (hashOf(seed.name) % (high - low + 1));
  if (members >= 1) return seats;
  return seed.name === DEMO_COUNCIL ? Math.max(8, Math.round(seats * members)) : Math.max(3, Math.round(seats * members));
}

const TYPE_ORDER: CouncilType[] = ["county", "district", "unitary", "metropolitan-borough", "london-borough", "welsh-principal"];
const FIRST = [DEMO_COUNCIL, "Lancashire County Council", "Pendle Borough Council", "Cardiff Council"];

/** The councils to seed, districts before their counties (a county's twin-hatters are made with their district). */
export function selectCouncils(count: number): CouncilSeed[] {
  const rest = TYPE_ORDER.map((type) => ALL_COUNCILS.filter((seed) => seed.type === type && !FIRST.includes(seed.name)));
  const chosen = FIRST.map((name) => ALL_COUNCILS.find((seed) => seed.name === name)!);
  for (let round = 0; chosen.length < Math.min(count, ALL_COUNCILS.length); round++) {
    for (const ofType of rest) if (ofType[round] && chosen.length < count) chosen.push(ofType[round]!);
  }
  const rank = (seed: CouncilSeed) => (seed.type === "district" ? 0 : seed.type === "county" ? 2 : 1);
  return chosen.slice(0, Math.max(count, 1)).sort((a, b) => rank(a) - rank(b));
}

const utcDay = (ms: number) => new Date(Math.floor(ms / DAY) * DAY);
const yearsBefore = (date: Date, years: number) => new Date(Date.UTC(date.getUTCFullYear() - years, date.getUTCMonth(), date.getUTCDate()));
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

function shuffled<T>(random: Random, items: T[]) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** What the seed keeps of a council while it seeds the others: small, whatever the number of people. */
type Council = {
  seed: CouncilSeed;
  id: string;
  slug: string;
  seats: number;
  officerId: string;
  officerEmail: string;
  hash: number;
  committees: Map<string, string>;
  requiredModules: Set<string>;
  requirements: { conduct: string; planning: string };
  /** Planning committee seats (for recording training), and a few current members (for chosen requirements) */
  planningSeats: { membershipId: string; userId: string; appointedOn: Date }[];
  someMembers: string[];
};

/** A current member of a county who is also a member of one of its districts, made with the district. */
type Twin = { membershipId: string; userId: string; email: string; memberSince: Date; termStartedOn: Date };

const REVIEWERS = ["Member development officer", "Head of democratic services", "Group leader", "Member development champion"];
const NEEDS = [
  "Chairing skills; handling difficult conversations with residents",
  "Understanding council finance and the budget",
  "Planning law basics before joining the planning committee",
  "Social media and personal safety",
  "Scrutiny questioning skills",
  "Prevent and community tensions in the ward",
  "Casework and signposting to council services",
];

/** Seeds the national data set into an empty, migrated database; returns what it made and how long each stage took. */
export async function seedScale({ councils: councilCount = ALL_COUNCILS.length, members = 1, now: seededOn = new Date(), log = () => {} }: ScaleOptions = {}) {
  const now = utcDay(seededOn.getTime());
  const timings: { stage: string; seconds: number }[] = [];
  const stage = async <T>(name: string, run: () => Promise<T>) => {
    const started = Date.now();
    log(`${name}…`);
    const result = await run();
    const seconds = (Date.now() - started) / 1000;
    timings.push({ stage: name, seconds });
    log(`  ${name}: ${seconds.toFixed(1)} s`);
    return result;
  };
  const bulk = await openBulkWriter(databaseUrl());
  try {
    const windowStart = utcDay(now.getTime() - 730 * DAY);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const seeds = selectCouncils(councilCount);

    const { councils, staffId } = await stage("councils, officers and staff", async () => {
      const councils: Council[] = [];
      for (const seed of seeds) {
        const slug = slugify(seed.name);
        const council = await db.council.create({
          data: { name: seed.name, welshName: seed.welshName ?? null, slug, type: seed.type, region: seed.region, nation: seed.nation },
          select: { id: true },
        });
        const random = seededRandom(hashOf(`officer ${seed.name}`));
        const isDemo = seed.name === DEMO_COUNCIL;
        const officerEmail = isDemo ? DEMO_SIGN_INS.officer : `member.development@${slug}.example`;
        const officer = await db.user.create({
          data: {
            role: "officer",
            name: isDemo ? "Joanne Whitaker" : personName(random, seed.nation === "wales"),
            email: officerEmail,
            councilId: council.id,
            passwordHash,
            emailConfirmedAt: new Date(windowStart.getTime() - 20 * DAY),
            createdAt: new Date(windowStart.getTime() - 21 * DAY),
          },
          select: { id: true },
        });
        councils.push({
          seed,
          id: council.id,
          slug,
          seats: seatsOf(seed, members),
          officerId: officer.id,
          officerEmail,
          hash: hashOf(seed.name),
          committees: new Map(),
          requiredModules: new Set(),
          requirements: { conduct: "", planning: "" },
          planningSeats: [],
          someMembers: [],
        });
      }
      let staffId = "";
      for (const [email, name] of [
        [DEMO_SIGN_INS.staff, "Priya Raman"],
        ["tom.ellis@association.example", "Tom Ellis"],
      ] as const) {
        const staff = await db.user.create({
          data: { role: "staff", name, email, passwordHash, emailConfirmedAt: new Date(windowStart.getTime() - 30 * DAY), createdAt: new Date(windowStart.getTime() - 30 * DAY) },
          select: { id: true },
        });
        staffId ||= staff.id;
      }
      return { councils, staffId };
    });

    await stage("committees and requirements", async () => {
      for (const council of councils) {
        const committees = await seedCommittees({ id: council.id, nation: council.seed.nation }, council.officerId);
        for (const committee of committees) council.committees.set(committee.name, committee.id);
        const act = { councilId: council.id, actorId: council.officerId };
        const require = async (input: RequirementInput) => {
          const outcome = await createRequirement({ ...act, input }, {});
          if (outcome.status !== "created") throw new Error(`Could not set ${council.seed.name}'s requirement: ${outcome.problem.code}`);
          if (input.moduleId) council.requiredModules.add(input.moduleId);
          return outcome.requirementId;
        };
        council.requirements.conduct = await require(CODE_OF_CONDUCT);
        council.requirements.planning = await require(planningTrainingFor(council.committees.get("Planning committee")!));
        const { hash } = council;
        const isDemo = council.seed.name === DEMO_COUNCIL;
        // Prevent by a date the council chose (some dates have passed)
        if (hash % 3 === 0 || isDemo) {
          const dueOn = new Date(Date.UTC(now.getUTCFullYear() + (hash % 2 ? 0 : 1), 2, 31));
          await require({ ...NO_REQUIREMENT, name: null, moduleId: "prevent-duty", audience: "all", dueRule: "by-date", dueOn, dueWithinDays: null, validForMonths: hash % 4 === 0 ? 36 : null });
        }
        // the cabinet's emergency planning: a course on the topic within six months, every three years
        if (hash % 5 === 1) {
          await require({
            ...NO_REQUIREMENT,
            name: null,
            moduleId: null,
            courseTopic: "resilience",
            audience: "committee",
            committeeId: council.committees.get("Cabinet")!,
            dueRule: "after-appointment",
            dueWithinDays: 180,
            validForMonths: 36,
          });
        }
        // the induction for those elected at the last election
        if (hash % 4 === 2) {
          await require({
            ...NO_REQUIREMENT,
            name: null,
            moduleId: "councillor-induction",
            audience: "elected-since",
            electedOnOrAfter: new Date(`${council.seed.lastElection}T00:00:00Z`),
            dueRule: "after-election",
            dueWithinDays: 90,
            validForMonths: null,
          });
        }
      }
    });

    const kits = await stage("reading the modules", () => moduleKits());

    const people = await stage("members, committees and learning", async () => {
      const state: SeedState = {
        number: 0,
        twins: new Map(),
        twinsFrom: new Map(),
        pool: [],
        buffer: emptyRows(),
        totals: { people: 0, memberships: 0 },
      };
      const byName = new Map(councils.map((council) => [council.seed.name, council]));
      for (const council of councils) {
        const county = council.seed.county ? byName.get(council.seed.county) : undefined;
        if (county && !state.twinsFrom.has(county.seed.name)) {
          const districts = councils.filter((other) => other.seed.county === county.seed.name).length;
          state.twinsFrom.set(county.seed.name, Math.ceil(Math.round(county.seats * 0.2) / districts));
        }
      }
      for (const [index, council] of councils.entries()) {
        const county = council.seed.county ? byName.get(council.seed.county) : undefined;
        seedCouncilPeople({ council, county, state, kits, now, windowStart, passwordHash });
        if (state.buffer.users.length >= 2000 || index === councils.length - 1) await flush(bulk, state.buffer);
        if ((index + 1) % 40 === 0 || index === councils.length - 1) {
          log(`  ${index + 1} of ${councils.length} councils: ${state.totals.people.toLocaleString("en-GB")} people, ${state.totals.memberships.toLocaleString("en-GB")} memberships`);
        }
      }
      for (const council of councils) {
        state.pool.push({ userId: council.officerId, email: council.officerEmail, person: { role: "officer", deactivatedAt: null, council: { nation: council.seed.nation }, memberships: [] }, since: windowStart.getTime() });
      }
      return state.pool;
    });

    await stage("the demo councillor's learning", async () => {
      const demo = await db.user.findUniqueOrThrow({ where: { email: DEMO_SIGN_INS.councillor }, select: { id: true } });
      const byId = new Map(kits.map((kit) => [kit.module.id, kit]));
      // as the demo has it: the induction done with its certificate, two lessons of the Prevent duty
      let when = Math.min(Date.parse("2026-06-08T09:30:00Z"), now.getTime() - 60 * DAY);
      for (const [moduleId, lessons] of [
        ["councillor-induction", 99],
        ["prevent-duty", 2],
      ] as const) {
        const kit = byId.get(moduleId)!;
        when = await seedModuleProgress(demo.id, { module: kit.module, knowledgeCheck: kit.knowledgeCheck }, lessons, when, 1);
      }
    });

    await stage("training recorded, exemptions and chosen members", async () => {
      for (const council of councils) {
        const act = { councilId: council.id, actorId: council.officerId };
        const isDemo = council.seed.name === DEMO_COUNCIL;
        const random = seededRandom(council.hash ^ 0x5eed);
        const today = ukToday(now);
        if (council.hash % 4 === 0 || isDemo) {
          for (const [index, seat] of council.planningSeats.entries()) {
            if (random() < 0.2) continue;
            const completedOn = new Date(Math.min(seat.appointedOn.getTime() + between(random, 5, 25) * DAY, today.getTime()));
            const evidence = index === 0 && council.hash % 3 === 0 ? { name: "planning-training-certificate.pdf", contentType: "application/pdf", content: PDF } : null;
            const provider = pick(random, ["Planning Advisory Service", "The council's planning service", "Local Government Association"]);
            const record = { title: "Planning committee training", provider, completedOn, minutes: 180, requirementId: council.requirements.planning };
            const outcome = await recordTraining({ ...act, membershipId: seat.membershipId, record, evidence }, {});
            if (outcome.status !== "recorded") throw new Error(`Could not record training at ${council.seed.name}: ${outcome.status}`);
          }
        }
        if (council.hash % 8 === 3 || isDemo) {
          const [planner] = council.planningSeats.slice(-1);
          if (planner) {
            await exemptMember(
              { ...act, requirementId: council.requirements.planning, membershipId: planner.membershipId, reason: "Chartered town planner: trained and practising", approvedBy: "Monitoring Officer", evidence: null },
              {},
            );
          }
          const [absent] = council.someMembers.slice(-1);
          if (absent) {
            await exemptMember(
              { ...act, requirementId: council.requirements.conduct, membershipId: absent, reason: "Leave of absence agreed by full council (long-term illness)", approvedBy: "Monitoring Officer", evidence: null },
              {},
            );
          }
        }
        if (council.hash % 9 === 4 && council.someMembers.length > 0) {
          const outcome = await createRequirement(
            {
              ...act,
              input: {
                ...NO_REQUIREMENT,
                name: null,
                moduleId: "difficult-conversations",
                audience: "chosen",
                chosenMembershipIds: council.someMembers.slice(0, 5),
                dueRule: "after-term-start",
                dueWithinDays: 120,
                validForMonths: null,
              },
            },
            {},
          );
          if (outcome.status !== "created") throw new Error(`Could not set ${council.seed.name}'s chosen requirement`);
        }
      }
    });

    await stage("courses and bookings", () => seedProgramme({ bulk, pool: people, staffId, now, scale: Math.min(1, members) }));

    const counts = await stage("counting", () => countAll(now));
    return { counts, timings };
  } finally {
    await bulk.close();
  }
}

// ---------------------------------------------------------------- the modules

/** The catalogue's modules with their banks, Welsh titles and each lesson's reflection prompts and case studies (from the compiled lessons, as the lesson pages read them). */
async function moduleKits(): Promise<ModuleKit[]> {
  const { modules, knowledgeChecks } = readCatalogue();
  const kits: ModuleKit[] = [];
  for (const module of modules) {
    const activities: ModuleKit["activities"] = new Map();
    for (const lesson of module.lessons) {
      const tree = await lessonTree(module, lesson.slug);
      activities.set(lesson.slug, {
        reflections: tree ? componentsIn(tree, "Reflection").map((c) => c.p!.id as string) : [],
        caseStudies: tree ? componentsIn(tree, "CaseStudy").map((c) => ({ id: c.p!.id as string, choices: c.p!.choices as string[] })) : [],
      });
    }
    const welsh = module.languages.includes("cy") ? findModule(module.id, "cy") : null;
    kits.push({ module, welshTitle: welsh && welsh.title !== module.title ? welsh.title : null, knowledgeCheck: knowledgeChecks.get(module.id)!, activities });
  }
  return kits;
}

// ---------------------------------------------------------------- a council's people

type Rows = LearningRows & { users: BulkRow[]; memberships: BulkRow[]; seats: BulkRow[]; reviews: BulkRow[]; audits: BulkRow[] };
const emptyRows = (): Rows => ({ users: [], memberships: [], seats: [], reviews: [], audits: [], ...emptyLearning() });

/** Writes what is buffered, parents before children, and empties the buffer. */
async function flush(bulk: BulkWriter, buffer: Rows) {
  const tables: [string, keyof Rows][] = [
    ["User", "users"],
    ["Membership", "memberships"],
    ["CommitteeMembership", "seats"],
    ["LessonProgress", "lessons"],
    ["KnowledgeCheckAttempt", "attempts"],
    ["ModuleCompletion", "completions"],
    ["Enrolment", "enrolments"],
    ["Reflection", "reflections"],
    ["CaseStudyAnswer", "caseStudyAnswers"],
    ["DevelopmentReview", "reviews"],
    ["AuditEvent", "audits"],
  ];
  for (const [table, key] of tables) {
    await bulk.insert(table, buffer[key]);
    buffer[key].length = 0;
  }
}

type SeedState = {
  /** Numbers people's email addresses, so every address is different */
  number: number;
  /** County name → its members made with their districts */
  twins: Map<string, Twin[]>;
  /** County name → how many of its members each of its districts gives it */
  twinsFrom: Map<string, number>;
  /** Everyone who may book a course */
  pool: Booker[];
  buffer: Rows;
  totals: { people: number; memberships: number };
};

type Member = {
  userId: string;
  membershipId: string;
  name: string;
  email: string;
  kind: "elected" | "co-opted" | "lay";
  memberSince: Date;
  termStartedOn: Date;
  leftOfficeOn: Date | null;
  ward: string | null;
  partyGroup: string | null;
  confirmedAt: Date | null;
  createdAt: Date;
  /** Invited by the officer's upload and never signed in (no password yet): no learning */
  invited: boolean;
  welsh: boolean;
  isDemo: boolean;
  eligibility: EligibilityPerson;
  councilNames: string[];
  required: Set<string>;
};

/** Makes one council's members, committee places, learning and reviews into the buffer. */
function seedCouncilPeople({
  council,
  county,
  state,
  kits,
  now,
  windowStart,
  passwordHash,
}: {
  council: Council;
  county: Council | undefined;
  state: SeedState;
  kits: ModuleKit[];
  now: Date;
  windowStart: Date;
  passwordHash: string;
}) {
  const { seed } = council;
  const random = seededRandom(council.hash);
  const welshCouncil = seed.nation === "wales";
  const isDemoCouncil = seed.name === DEMO_COUNCIL;
  const buffer = state.buffer;
  const last = new Date(`${seed.lastElection}T00:00:00Z`);
  const byThirds = ["2026-05-07", "2024-05-02"].includes(seed.lastElection) && seed.type !== "county" && seed.type !== "london-borough";
  const wards = wardsOf(random, Math.max(1, Math.ceil(council.seats / (byThirds ? 3 : 2.4))), welshCouncil);
  const parties = partiesOf(random, welshCouncil);
  const nowMs = now.getTime();
  const members: Member[] = [];

  const audit = (type: string, at: Date, detail: string, member?: { userId: string; email: string }, actorId: string | null = council.officerId) =>
    buffer.audits.push({ id: newId(), type, userId: member?.userId ?? null, actorId, email: member?.email ?? null, ip: null, userAgent: null, detail, createdAt: at });

  /** A new person's account: made by the officer's upload (or their own sign-up), the invitation accepted unless `invited`. */
  const newPerson = ({ name, email, createdAt, invited, welsh }: { name: string; email: string; createdAt: Date; invited: boolean; welsh: boolean }) => {
    const userId = newId();
    const language = welsh ? (random() < 0.3 ? "cy" : random() < 0.15 ? "en" : null) : random() < 0.05 ? "en" : null;
    const confirmed = invited ? null : new Date(Math.min(createdAt.getTime() + between(random, 1, 240) * HOUR, nowMs - HOUR));
    buffer.users.push({
      id: userId,
      email,
      name,
      role: "councillor",
      councilId: null,
      passwordHash: invited ? null : passwordHash,
      emailConfirmedAt: confirmed,
      language,
      createdAt,
      updatedAt: confirmed ?? createdAt,
    });
    state.totals.people++;
    return { userId, language, confirmedAt: confirmed };
  };

  const membership = (member: Omit<Member, "membershipId" | "eligibility" | "councilNames" | "required"> & { eligibility?: EligibilityPerson }): Member => {
    const membershipId = newId();
    buffer.memberships.push({
      id: membershipId,
      userId: member.userId,
      councilId: council.id,
      kind: member.kind,
      memberSince: member.memberSince,
      termStartedOn: member.termStartedOn,
      leftOfficeOn: member.leftOfficeOn,
      ward: member.ward,
      partyGroup: member.partyGroup,
      confirmedAt: member.confirmedAt,
      createdAt: member.createdAt,
      updatedAt: member.leftOfficeOn ? new Date(member.leftOfficeOn.getTime() + 3 * DAY) : (member.confirmedAt ?? member.createdAt),
    });
    state.totals.memberships++;
    const eligibility: EligibilityPerson = member.eligibility ?? { role: "councillor", deactivatedAt: null, council: null, memberships: [] };
    if (member.confirmedAt && !member.leftOfficeOn) eligibility.memberships.push({ memberSince: member.memberSince, council: { nation: seed.nation } });
    return { ...member, membershipId, eligibility, councilNames: [seed.name], required: new Set(council.requiredModules) };
  };

  /** When a member of this council joined the platform: at its launch for sitting members, after their election for new ones. */
  const joinedAt = (memberSince: Date) =>
    new Date(Math.min(nowMs - 2 * DAY, memberSince < windowStart ? windowStart.getTime() + between(random, 0, 60) * DAY : memberSince.getTime() + between(random, 2, 21) * DAY));

  /** When first elected: at this term's start, or one to four terms before. */
  const firstElected = (termStartedOn: Date) => {
    if (random() < 0.4) return termStartedOn;
    return yearsBefore(termStartedOn, 4 * weighted(random, [[1, 45], [2, 30], [3, 15], [4, 10]] as [number, number][]));
  };

  // ---- the council's current elected members; a county's include those made with its districts
  const twins = state.twins.get(seed.name) ?? [];
  for (let index = 0; index < council.seats - twins.length; index++) {
    const isDemo = isDemoCouncil && index === 0;
    const termStartedOn = byThirds ? yearsBefore(last, [0, 1, 2][index % 3]!) : last;
    const memberSince = isDemo ? last : firstElected(termStartedOn);
    const name = isDemo ? "Amina Hussain" : personName(random, welshCouncil);
    const email = isDemo ? DEMO_SIGN_INS.councillor : emailFor(name, council.slug, ++state.number);
    const createdAt = isDemo ? new Date(last.getTime() + 3 * DAY) : joinedAt(memberSince);
    const invited = !isDemo && random() < 0.025;
    const person = newPerson({ name, email, createdAt, invited, welsh: welshCouncil });
    members.push(
      membership({
        userId: person.userId,
        name,
        email,
        kind: "elected",
        memberSince,
        termStartedOn,
        leftOfficeOn: null,
        ward: wards[index % wards.length]!,
        partyGroup: isDemo ? "Labour" : weighted(random, parties),
        confirmedAt: createdAt,
        createdAt,
        invited,
        welsh: person.language === "cy",
        isDemo,
      }),
    );
  }

  // ---- appointed members: lay members of a Welsh governance and audit committee, a co-opted member of an English standards committee
  const appointed = welshCouncil ? 2 : council.hash % 4 === 3 ? 1 : 0;
  for (let index = 0; index < appointed; index++) {
    const memberSince = welshCouncil ? new Date(Date.UTC(last.getUTCFullYear(), 8, 1 + index * 14)) : new Date(Date.UTC(last.getUTCFullYear() - index, 6, 1));
    const name = personName(random, welshCouncil);
    const email = emailFor(name, council.slug, ++state.number);
    const createdAt = joinedAt(memberSince);
    const person = newPerson({ name, email, createdAt, invited: false, welsh: welshCouncil });
    members.push(
      membership({
        userId: person.userId,
        name,
        email,
        kind: welshCouncil ? "lay" : "co-opted",
        memberSince,
        termStartedOn: memberSince,
        leftOfficeOn: null,
        ward: null,
        partyGroup: null,
        confirmedAt: createdAt,
        createdAt,
        invited: false,
        welsh: person.language === "cy",
        isDemo: false,
      }),
    );
  }

  // ---- members who left office at the last election, if the platform was running then: their history stays
  const leavers = last > windowStart ? Math.round((council.seats - twins.length) * 0.1) : 0;
  for (let index = 0; index < leavers; index++) {
    const termStartedOn = yearsBefore(last, byThirds ? 3 : 4);
    const memberSince = firstElected(termStartedOn);
    const name = personName(random, welshCouncil);
    const email = emailFor(name, council.slug, ++state.number);
    const createdAt = joinedAt(memberSince);
    const person = newPerson({ name, email, createdAt, invited: false, welsh: welshCouncil });
    const member = membership({
      userId: person.userId,
      name,
      email,
      kind: "elected",
      memberSince,
      termStartedOn,
      leftOfficeOn: last,
      ward: wards[index % wards.length]!,
      partyGroup: weighted(random, parties),
      confirmedAt: createdAt,
      createdAt,
      invited: false,
      welsh: person.language === "cy",
      isDemo: false,
    });
    members.push(member);
    audit("left-office", new Date(last.getTime() + 3 * DAY + 10 * HOUR), `${seed.name}: left office on ${last.toISOString().slice(0, 10)}`, member);
  }

  // ---- the officer's upload that added them all (claims apart), as applyMemberList audits it
  for (const member of members) audit("member-added", member.createdAt, `${seed.name}: ${member.kind} member, from the uploaded list`, member);
  if (members.length > 0) {
    const first = new Date(Math.min(...members.map((member) => member.createdAt.getTime())));
    audit("member-list-uploaded", first, `${seed.name}: ${members.length} new, 0 added, 0 updated, 0 unchanged, 0 left office`);
  }

  // ---- a claim made at sign-up, waiting for the officer (claimMembership)
  if (council.hash % 3 === 2) {
    const name = personName(random, welshCouncil);
    const email = emailFor(name, council.slug, ++state.number);
    const createdAt = new Date(nowMs - between(random, 1, 25) * DAY);
    const person = newPerson({ name, email, createdAt, invited: false, welsh: welshCouncil });
    buffer.memberships.push({
      id: newId(),
      userId: person.userId,
      councilId: council.id,
      kind: "elected",
      memberSince: last,
      termStartedOn: null,
      leftOfficeOn: null,
      ward: null,
      partyGroup: null,
      confirmedAt: null,
      createdAt,
      updatedAt: createdAt,
    });
    state.totals.memberships++;
    audit("membership-claimed", createdAt, seed.name, { userId: person.userId, email }, null);
  }

  // ---- some current members of a district also sit on its county (made here, so their certificates name both)
  const current = members.filter((member) => !member.leftOfficeOn);
  if (county) {
    const already = state.twins.get(county.seed.name)?.length ?? 0;
    const wanted = Math.min(state.twinsFrom.get(county.seed.name) ?? 0, county.seats - already);
    const countyLast = new Date(`${county.seed.lastElection}T00:00:00Z`);
    const list = state.twins.get(county.seed.name) ?? state.twins.set(county.seed.name, []).get(county.seed.name)!;
    for (const member of current.filter((m) => m.kind === "elected" && !m.invited && !m.isDemo).slice(0, wanted)) {
      const memberSince = random() < 0.5 ? countyLast : yearsBefore(countyLast, 4);
      const createdAt = new Date(Math.min(nowMs - DAY, Math.max(member.createdAt.getTime(), countyLast.getTime()) + between(random, 3, 30) * DAY));
      const membershipId = newId();
      buffer.memberships.push({
        id: membershipId,
        userId: member.userId,
        councilId: county.id,
        kind: "elected",
        memberSince,
        termStartedOn: countyLast,
        leftOfficeOn: null,
        ward: member.ward,
        partyGroup: member.partyGroup,
        confirmedAt: createdAt,
        createdAt,
        updatedAt: createdAt,
      });
      state.totals.memberships++;
      audit("member-added", createdAt, `${county.seed.name}: elected member, from the uploaded list`, member, county.officerId);
      member.eligibility.memberships.push({ memberSince, council: { nation: county.seed.nation } });
      member.councilNames.push(county.seed.name);
      for (const moduleId of county.requiredModules) member.required.add(moduleId);
      list.push({ membershipId, userId: member.userId, email: member.email, memberSince, termStartedOn: countyLast });
    }
  }

  // ---- committees: members and substitutes, appointed at this year's annual meeting (the demo councillor lately)
  const municipalYear = currentMunicipalYear(now);
  const annualMeeting = new Date(Date.UTC(municipalYear, 4, 14 + (council.hash % 10)));
  const seatable = [
    ...current.filter((member) => member.kind === "elected" && member.confirmedAt).map((member) => ({ membershipId: member.membershipId, userId: member.userId, memberSince: member.memberSince, isDemo: member.isDemo })),
    ...twins.map((twin) => ({ membershipId: twin.membershipId, userId: twin.userId, memberSince: twin.memberSince, isDemo: false })),
  ];
  const order = shuffled(random, seatable);
  const n = seatable.length;
  const cabinet = order.slice(0, Math.min(n, clamp(Math.round(n / 7), 3, 10)));
  const sizes: [string, number, number, typeof order][] = [
    ["Cabinet", cabinet.length, 0, order],
    ["Planning committee", clamp(Math.round(n * 0.2), 5, 15), clamp(Math.round(n * 0.05), 1, 4), order],
    ["Licensing committee", clamp(Math.round(n * 0.2), 5, 15), clamp(Math.round(n * 0.04), 1, 3), order],
    ["Standards committee", clamp(Math.round(n * 0.1), 3, 8), clamp(Math.round(n * 0.03), 1, 2), order],
    [welshCouncil ? "Governance and audit committee" : "Audit committee", clamp(Math.round(n * 0.12), 3, 9), clamp(Math.round(n * 0.03), 1, 2), order],
    ["Overview and scrutiny committee", clamp(Math.round(n * 0.2), 5, 15), clamp(Math.round(n * 0.05), 1, 4), order.filter((seat) => !cabinet.includes(seat))],
  ];
  const today = ukToday(now);
  for (const [committeeIndex, [name, memberCount, substituteCount, from]] of sizes.entries()) {
    const committeeId = council.committees.get(name)!;
    const offset = committeeIndex === 0 ? 0 : between(random, 0, Math.max(0, from.length - 1));
    const taken = [...from.slice(offset), ...from.slice(0, offset)].slice(0, Math.min(from.length, memberCount + substituteCount));
    // the demo councillor sits on the planning committee, appointed lately, with planning training to do
    const demo = name === "Planning committee" ? seatable.find((seat) => seat.isDemo) : undefined;
    if (demo && !taken.includes(demo)) taken.unshift(demo);
    for (const [index, seat] of taken.entries()) {
      const role = index < memberCount || seat.isDemo ? "member" : "substitute";
      const appointedOn = seat.isDemo
        ? new Date(today.getTime() - 20 * DAY)
        : seat.memberSince > annualMeeting
          ? utcDay(seat.memberSince.getTime() + 14 * DAY)
          : random() < 0.1
            ? utcDay(annualMeeting.getTime() + random() * (today.getTime() - annualMeeting.getTime()))
            : annualMeeting;
      buffer.seats.push({ id: newId(), committeeId, membershipId: seat.membershipId, role, appointedOn, createdAt: new Date(Math.min(nowMs - HOUR, appointedOn.getTime() + 2 * DAY)) });
      if (name === "Planning committee" && !seat.isDemo) council.planningSeats.push({ membershipId: seat.membershipId, userId: seat.userId, appointedOn });
    }
  }
  // appointed members on their committees
  for (const member of current.filter((m) => m.kind !== "elected")) {
    const committeeId = council.committees.get(member.kind === "lay" ? "Governance and audit committee" : "Standards committee")!;
    buffer.seats.push({ id: newId(), committeeId, membershipId: member.membershipId, role: "member", appointedOn: member.memberSince, createdAt: member.createdAt });
  }
  council.someMembers = current.filter((member) => member.kind === "elected" && !member.isDemo && !member.invited).slice(0, 6).map((member) => member.membershipId);

  // ---- learning: each person once (a twin-hatter's with their district), then what their councils require and they have not started
  for (const member of members) {
    if (member.invited || member.isDemo) continue;
    const learner: Learner = {
      userId: member.userId,
      name: member.name,
      councilNames: [...member.councilNames].sort().join(", "),
      welsh: member.welsh,
      from: new Date(Math.min(nowMs - DAY, member.createdAt.getTime() + 6 * HOUR)),
      until: member.leftOfficeOn ?? new Date(nowMs - HOUR),
      newlyElectedOn: member.memberSince >= yearsBefore(windowStart, 1) ? member.memberSince : null,
      required: member.required,
    };
    const started = addLearning(random, learner, kits, buffer);
    if (member.leftOfficeOn) continue;
    // the reminders job enrols members on the modules their councils require (enrolRequired)
    for (const moduleId of member.required) {
      if (!started.has(moduleId)) buffer.enrolments.push({ id: newId(), userId: member.userId, moduleId, source: "requirement", enrolledById: null, createdAt: new Date(nowMs - 2 * HOUR) });
    }
  }
  for (const member of current) {
    if (member.isDemo) {
      // the demo councillor's enrolments on what Leeds requires: her learning is written through the domain later
      for (const moduleId of member.required) buffer.enrolments.push({ id: newId(), userId: member.userId, moduleId, source: "requirement", enrolledById: null, createdAt: new Date(nowMs - 2 * HOUR) });
    }
    if (!member.invited) state.pool.push({ userId: member.userId, email: member.email, person: member.eligibility, since: member.createdAt.getTime() + DAY });
  }

  // ---- development reviews, offered every municipal year: in Wales by law, at a third of English councils
  if (welshCouncil || council.hash % 3 === 1 || isDemoCouncil) {
    const reviewed = [...current.map((member) => ({ membershipId: member.membershipId, userId: member.userId, email: member.email })), ...twins];
    for (const year of [municipalYear - 1, municipalYear]) {
      for (const member of reviewed) {
        const offeredOn = new Date(Date.UTC(year, 5, between(random, 1, 28)));
        if (offeredOn.getTime() > nowMs) continue;
        const roll = random();
        const outcome = roll < (year < municipalYear ? 0.6 : 0.45) ? "taken-up" : roll < (year < municipalYear ? 0.8 : 0.6) ? "declined" : null;
        const heldAt = offeredOn.getTime() + between(random, 7, 70) * DAY;
        const heldOn = outcome === "taken-up" && heldAt < nowMs ? new Date(heldAt) : null;
        const updatedAt = new Date(Math.min(nowMs - HOUR, (heldOn ?? offeredOn).getTime() + 10 * HOUR));
        buffer.reviews.push({
          id: newId(),
          membershipId: member.membershipId,
          municipalYear: year,
          offeredOn,
          outcome,
          heldOn,
          reviewer: heldOn ? pick(random, REVIEWERS) : null,
          needs: heldOn && random() < 0.7 ? pick(random, NEEDS) : null,
          recordedById: council.officerId,
          updatedAt,
        });
        const detail = `${seed.name}: ${year}–${year + 1}, offered ${offeredOn.toISOString().slice(0, 10)}, ${outcome ?? "no answer yet"}`;
        buffer.audits.push({ id: newId(), type: "review-recorded", userId: member.userId, actorId: council.officerId, email: member.email, ip: null, userAgent: null, detail, createdAt: updatedAt });
      }
    }
  }
}

// ---------------------------------------------------------------- courses

/** The programme through the staff functions; three courses' bookings through bookPlace, the others' played out by the booking rules and written in bulk. */
async function seedProgramme({ bulk, pool, staffId, now, scale }: { bulk: BulkWriter; pool: Booker[]; staffId: string; now: Date; scale: number }) {
  const random = seededRandom(0xc0de);
  const plans = programme(random, now, { scale });
  const nowMs = now.getTime();
  const demo = pool.find((booker) => booker.email === DEMO_SIGN_INS.councillor);
  const full = plans.find((plan) => plan.viaApp && plan.demand > 1);

  for (const plan of plans) {
    const { id } = await createCourse(plan.input, staffId, {});
    if (plan.status === "draft") continue;
    const publishedAt = new Date(Math.min(plan.input.bookingOpensAt.getTime() - DAY, nowMs - DAY));
    await publishCourse({ courseId: id, actorId: staffId }, {}, publishedAt);
    const course = { ...plan.input, id };
    if (plan.viaApp) {
      await bookThroughTheApp({ random, course, plan, pool, demo, demoLast: plan === full, now, staffId });
      continue;
    }
    const until = plan.cancelAt ?? now;
    const { bookings, audits, lastTicket } = playOutBookings(random, course, plan.demand, pool, { now, until, staffId });
    await bulk.insert("Booking", bookings);
    await bulk.insert("AuditEvent", audits);
    await db.course.update({ where: { id }, data: { lastTicket }, select: { id: true } });
    if (plan.cancelAt) await cancelCourse({ courseId: id, actorId: staffId }, {}, plan.cancelAt);
  }
  // the course jobs, as the server runs them every minute: offers whose time has passed end and pass the place on
  await runCourseJobs(now);
}

/** A course's bookings through bookPlace (and a cancellation through cancelBooking), at the times they were made; its register through markAttendance. */
async function bookThroughTheApp({
  random,
  course,
  plan,
  pool,
  demo,
  demoLast,
  now,
  staffId,
}: {
  random: Random;
  course: CoursePlan["input"] & { id: string };
  plan: CoursePlan;
  pool: Booker[];
  demo: Booker | undefined;
  demoLast: boolean;
  now: Date;
  staffId: string;
}) {
  const opens = course.bookingOpensAt.getTime();
  const until = Math.min(course.bookingClosesAt.getTime(), now.getTime() - HOUR);
  const wanted = Math.round(course.capacity * Math.max(plan.demand, demoLast ? 1.25 : 0));
  const candidates = shuffled(random, pool.filter((booker) => booker !== demo && booker.person.role === "councillor" && booker.since < opens)).slice(0, wanted * 3);
  const people = demo ? (demoLast ? [...candidates.slice(0, wanted), demo] : [demo, ...candidates]) : candidates;
  const times = people.map((_, index) => opens + (until - opens) * ((index + 1) / (people.length + 1)) ** 1.5);
  const booked: { bookingId: string; userId: string; at: number }[] = [];
  for (const [index, person] of people.entries()) {
    if (booked.length >= wanted + (demoLast ? 1 : 0)) break;
    const at = new Date(times[index]!);
    const needs = { dietaryNeeds: random() < 0.15 ? "Vegetarian" : null, accessNeeds: random() < 0.1 ? "Step-free access, please" : null };
    const outcome = await bookPlace({ courseId: course.id, userId: person.userId, ...needs }, {}, at);
    if (outcome.status === "confirmed" || outcome.status === "waiting") booked.push({ bookingId: outcome.bookingId, userId: person.userId, at: at.getTime() });
  }
  // one delegate cancels before the cut-off (their place goes to the first waiting, if anyone is)
  const leaving = booked.find((booking) => booking.userId !== demo?.userId);
  const cancelAt = leaving && Math.min(course.cancellationCutoffAt.getTime() - DAY, now.getTime() - HOUR, leaving.at + 5 * DAY);
  if (leaving && cancelAt && cancelAt > leaving.at) await cancelBooking({ bookingId: leaving.bookingId, userId: leaving.userId }, {}, new Date(cancelAt));
  if (course.endsAt.getTime() < now.getTime()) {
    const delegates = await db.booking.findMany({ where: { courseId: course.id, status: "confirmed" }, orderBy: { queueNumber: "asc" }, select: { id: true } });
    const marks = delegates.map((booking, i) => ({ bookingId: booking.id, attendance: i % 8 === 5 ? ("absent" as const) : ("attended" as const) }));
    await markAttendance({ courseId: course.id, marks, actorId: staffId }, {}, new Date(course.endsAt.getTime() + HOUR));
  }
}

// ---------------------------------------------------------------- what was made

async function countAll(now: Date) {
  const current = { leftOfficeOn: null, confirmedAt: { not: null } };
  const [councilsByNation, councilsByType, users, memberships, twinHatters, largest] = await Promise.all([
    db.council.groupBy({ by: ["nation"], _count: { _all: true } }),
    db.council.groupBy({ by: ["type"], _count: { _all: true } }),
    db.user.groupBy({ by: ["role"], _count: { _all: true } }),
    db.membership.count({ where: current }),
    db.membership.groupBy({ by: ["userId"], where: current, _count: { _all: true }, having: { userId: { _count: { gt: 1 } } } }),
    db.membership.groupBy({ by: ["councilId"], where: current, _count: { _all: true }, orderBy: { _count: { councilId: "desc" } }, take: 3 }),
  ]);
  const largestNames = await db.council.findMany({ where: { id: { in: largest.map((row) => row.councilId) } }, select: { id: true, name: true } });
  const nameOf = new Map(largestNames.map((council) => [council.id, council.name]));
  const courses = await db.course.findMany({ select: { status: true, startsAt: true } });
  return {
    councils: Object.fromEntries(councilsByNation.map((row) => [row.nation, row._count._all])),
    councilTypes: Object.fromEntries(councilsByType.map((row) => [row.type, row._count._all])),
    people: Object.fromEntries(users.map((row) => [row.role, row._count._all])),
    currentMemberships: memberships,
    claimsWaiting: await db.membership.count({ where: { confirmedAt: null } }),
    leftOffice: await db.membership.count({ where: { leftOfficeOn: { not: null } } }),
    inTwoCouncils: twinHatters.length,
    largestCouncils: largest.map((row) => `${nameOf.get(row.councilId)}: ${row._count._all}`),
    committees: await db.committee.count(),
    committeeSeats: await db.committeeMembership.count(),
    requirements: await db.requirement.count(),
    exemptions: await db.exemption.count(),
    recordedTraining: await db.recordedTraining.count(),
    developmentReviews: await db.developmentReview.count(),
    lessonsDone: await db.lessonProgress.count(),
    checkAttempts: await db.knowledgeCheckAttempt.count(),
    checksFailed: await db.knowledgeCheckAttempt.count({ where: { passed: false } }),
    completions: await db.moduleCompletion.count(),
    enrolments: await db.enrolment.count(),
    reflections: await db.reflection.count(),
    caseStudyAnswers: await db.caseStudyAnswer.count(),
    courses: {
      past: courses.filter((course) => course.startsAt < now).length,
      upcoming: courses.filter((course) => course.startsAt >= now).length,
      cancelled: courses.filter((course) => course.status === "cancelled").length,
      draft: courses.filter((course) => course.status === "draft").length,
    },
    bookings: Object.fromEntries((await db.booking.groupBy({ by: ["status"], _count: { _all: true } })).map((row) => [row.status, row._count._all])),
    attendance: Object.fromEntries(
      (await db.booking.groupBy({ by: ["attendance"], where: { attendance: { not: null } }, _count: { _all: true } })).map((row) => [row.attendance!, row._count._all]),
    ),
    auditEvents: await db.auditEvent.count(),
    emailsWaiting: await db.emailMessage.count(),
  };
}

// ---------------------------------------------------------------- `npm run seed:scale`

/** Empties the target: the SQLite file and its journal deleted, or the PostgreSQL database's public schema dropped and made again. */
async function resetDatabase(url: string) {
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("DROP SCHEMA IF EXISTS public CASCADE");
      await client.query("CREATE SCHEMA public");
    } finally {
      await client.end();
    }
    return;
  }
  const file = sqliteFilePath(url);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
}

function shownUrl(url: string) {
  if (!isPostgresUrl(url)) return sqliteFilePath(url);
  const shown = new URL(url);
  if (shown.password) shown.password = "****";
  return shown.toString();
}

if (runAsScript) {
  const started = Date.now();
  const url = databaseUrl();
  console.log(`Seeding the national data set into ${shownUrl(url)} (emptied first)`);
  await resetDatabase(url);
  await migrate(url);
  console.log(`  emptied and migrated: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const { counts } = await seedScale({ log: (line) => console.log(line) });
  console.log("Made:");
  for (const [what, count] of Object.entries(counts)) console.log(`  ${what}: ${typeof count === "object" ? JSON.stringify(count) : count.toLocaleString("en-GB")}`);
  if (isPostgresUrl(url)) {
    // the planner's statistics and visibility map, as autovacuum keeps them in a database that grew over two
    // years: without them a read of 150 people's training scans every check attempt in the country (158 ms, not
    // 12), and the national take-up visits every lesson row it counts (460 ms, not 118)
    await db.$executeRawUnsafe("VACUUM ANALYZE");
    console.log(`  vacuumed and analysed: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  await db.$disconnect();
}
