// Demo data for the embedded SQLite default: real councils, plausible councillors, one officer per
// council and two staff. Expects an empty database (the server seeds one on first start; `npm run
// db:reset` starts again). The demo sign-ins are listed in the README.
import { readCatalogue, type ModuleInfo } from "~/content/content.server";
import { addCommittee, appointToCommittee, listCommittees } from "~/councils/committees.server";
import { claimMembership, confirmMember, updateMembership } from "~/councils/membership.server";
import type { KnowledgeCheck } from "~/content/schema";
import { answersScoring, seededRandom } from "~/learning/core";
import { startKnowledgeCheck, submitKnowledgeCheck } from "~/learning/knowledge-check.server";
import { markLessonComplete } from "~/learning/progress.server";
import { db } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { DEMO_COUNCILS, slugify } from "./councils";
import { seedCourses } from "./seed-courses";
import { seedRequirements } from "./seed-requirements";

export const DEMO_PASSWORD = "Leadership-Essentials-2026";
export const DEMO_SIGN_INS = {
  councillor: "councillor@demo.example",
  officer: "officer@demo.example",
  staff: "staff@demo.example",
};

const FIRST_NAMES = [
  "Amina",
  "Gareth",
  "Siobhan",
  "Tomasz",
  "Priya",
  "Rhys",
  "Helen",
  "Kwame",
  "Bethan",
  "Imran",
  "Claire",
  "Daniel",
  "Farah",
  "Owen",
  "Margaret",
  "Yusuf",
  "Catrin",
  "Peter",
  "Nadia",
  "Stephen",
  "Grace",
  "Hamza",
  "Lowri",
  "David",
  "Shabana",
  "Ian",
  "Rachel",
  "Emeka",
  "Sian",
  "Andrew",
  "Ruth",
  "Adeel",
];
const SURNAMES = [
  "Hussain",
  "Jones",
  "Walsh",
  "Kowalski",
  "Patel",
  "Evans",
  "Bradshaw",
  "Mensah",
  "Roberts",
  "Khan",
  "Whitaker",
  "O'Connor",
  "Begum",
  "Griffiths",
  "Thompson",
  "Ali",
  "Pritchard",
  "Nolan",
  "Ahmed",
  "Clarke",
  "Okafor",
  "Singh",
  "Morgan",
  "Hughes",
  "Davies",
  "Lewis",
  "Chaudhry",
  "Price",
];

function personName(index: number) {
  return `${FIRST_NAMES[index % FIRST_NAMES.length]} ${SURNAMES[(index * 7 + 3) % SURNAMES.length]}`;
}

function emailFor(name: string, councilSlug: string, index: number) {
  const local = name.toLowerCase().replace(/[^a-z]+/g, ".");
  return `${local}.${index}@${councilSlug}.example`;
}

export async function seedDemoData() {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const confirmed = new Date("2026-06-01T09:00:00Z");
  let person = 0;
  const twinHatters: { userId: string; electedOn: Date }[] = [];

  for (const [councilIndex, seed] of DEMO_COUNCILS.entries()) {
    const slug = slugify(seed.name);
    const council = await db.council.create({
      data: { name: seed.name, welshName: seed.welshName ?? null, slug, type: seed.type, region: seed.region, nation: seed.nation },
    });
    const isLeeds = seed.name === "Leeds City Council";

    const officerName = isLeeds ? "Joanne Whitaker" : personName(person++);
    const officer = await db.user.create({
      data: {
        role: "officer",
        name: officerName,
        email: isLeeds ? DEMO_SIGN_INS.officer : `member.development@${slug}.example`,
        councilId: council.id,
        passwordHash,
        emailConfirmedAt: confirmed,
      },
    });
    const committees = await seedCommittees(council, officer.id);

    // Four councillors: most elected at the last ordinary election, one earlier; the officer has confirmed
    // most of them, and some have not yet confirmed their address.
    const last = new Date(`${seed.lastElection}T00:00:00Z`);
    for (let i = 0; i < 4; i++) {
      const name = isLeeds && i === 0 ? "Amina Hussain" : personName(person++);
      const electedOn = i === 3 ? new Date(Date.UTC(last.getUTCFullYear() - 4, 4, last.getUTCDate())) : last;
      const user = await db.user.create({
        data: {
          role: "councillor",
          name,
          email: isLeeds && i === 0 ? DEMO_SIGN_INS.councillor : emailFor(name, slug, i),
          passwordHash,
          emailConfirmedAt: i === 2 && councilIndex % 5 === 0 ? null : confirmed,
        },
      });
      const claim = await claimMembership({ userId: user.id, councilId: council.id, memberSince: electedOn }, {});
      if (claim.status !== "claimed") throw new Error(`Could not seed ${name}'s membership`);
      // The newest claims at every third council wait for the officer.
      if (i === 1 && councilIndex % 3 === 0) continue;
      const act = { councilId: council.id, membershipId: claim.membershipId, actorId: officer.id };
      const details = { kind: "elected" as const, memberSince: electedOn, termStartedOn: last, ward: null, partyGroup: null };
      await updateMembership({ ...act, details }, {});
      const committee = committees[(i + councilIndex) % committees.length];
      await appointToCommittee({ ...act, seat: { committeeId: committee.id, role: i === 3 ? "substitute" : "member", appointedOn: last } }, {});
      // A county and a district councillor: one of Pendle's also sits on Lancashire County Council.
      if (seed.name === "Pendle Borough Council" && i === 0) twinHatters.push({ userId: user.id, electedOn: new Date("2025-05-01T00:00:00Z") });
    }

    // Welsh governance and audit committees have lay members, appointed rather than elected.
    if (seed.nation === "wales") {
      const name = personName(person++);
      const lay = await db.user.create({ data: { role: "councillor", name, email: emailFor(name, slug, 9), passwordHash, emailConfirmedAt: confirmed } });
      const appointedOn = new Date(Date.UTC(last.getUTCFullYear(), 8, 1));
      const claim = await claimMembership({ userId: lay.id, councilId: council.id, memberSince: appointedOn }, {});
      if (claim.status !== "claimed") throw new Error(`Could not seed ${name}'s membership`);
      const act = { councilId: council.id, membershipId: claim.membershipId, actorId: officer.id };
      await updateMembership({ ...act, details: { kind: "lay", memberSince: appointedOn, termStartedOn: appointedOn, ward: null, partyGroup: null } }, {});
      const audit = committees.find((committee) => committee.name.startsWith("Governance"))!;
      await appointToCommittee({ ...act, seat: { committeeId: audit.id, role: "member", appointedOn } }, {});
    }
  }

  const lancashire = await db.council.findUniqueOrThrow({ where: { name: "Lancashire County Council" } });
  const lancashireOfficer = await db.user.findFirstOrThrow({ where: { councilId: lancashire.id, role: "officer" } });
  for (const { userId, electedOn } of twinHatters) {
    const claim = await claimMembership({ userId, councilId: lancashire.id, memberSince: electedOn }, {});
    if (claim.status !== "claimed") throw new Error("Could not seed a second membership");
    await confirmMember({ councilId: lancashire.id, membershipId: claim.membershipId, actorId: lancashireOfficer.id }, {});
  }

  for (const [email, name] of [
    [DEMO_SIGN_INS.staff, "Priya Raman"],
    ["tom.ellis@association.example", "Tom Ellis"],
  ]) {
    await db.user.create({ data: { role: "staff", name, email, passwordHash, emailConfirmedAt: confirmed } });
  }
  await seedLearning();
  await seedCourses();
  await seedRequirements({ demoCouncillor: DEMO_SIGN_INS.councillor });
}

/** The committees most councils have, by the names councils give them (Welsh councils have governance and audit committees). */
export async function seedCommittees(council: { id: string; nation: string }, officerId: string) {
  const names = [
    "Cabinet",
    "Planning committee",
    "Licensing committee",
    "Standards committee",
    council.nation === "wales" ? "Governance and audit committee" : "Audit committee",
    "Overview and scrutiny committee",
  ];
  for (const name of names) await addCommittee({ councilId: council.id, name, actorId: officerId }, {});
  return listCommittees(council.id);
}

const day = 24 * 60 * 60 * 1000;

/**
 * Learning since the May 2026 elections, varied but fixed: most councillors have done the induction,
 * some have gone further, a few nothing. The demo councillor has one certificate and a module half done.
 */
async function seedLearning() {
  const { modules, knowledgeChecks } = readCatalogue();
  const byId = new Map(modules.map((module) => [module.id, { module, knowledgeCheck: knowledgeChecks.get(module.id)! }]));
  const councillors = await db.user.findMany({
    where: { role: "councillor", emailConfirmedAt: { not: null } },
    orderBy: { email: "asc" },
    select: { id: true, email: true },
  });
  const start = Date.parse("2026-06-08T09:30:00Z");
  for (const [index, { id: userId, email }] of councillors.entries()) {
    const plan =
      email === DEMO_SIGN_INS.councillor
        ? [
            { moduleId: "councillor-induction", lessons: 99 },
            { moduleId: "prevent-duty", lessons: 2 },
          ]
        : [
            ...(index % 4 !== 3 ? [{ moduleId: "councillor-induction", lessons: 99 }] : []),
            ...(index % 3 === 0 ? [{ moduleId: "standards-in-public-office", lessons: 99 }] : []),
            ...(index % 5 === 1 ? [{ moduleId: "prevent-duty", lessons: index % 2 ? 99 : 3 }] : []),
            ...(index % 7 === 2 ? [{ moduleId: "community-cohesion", lessons: 1 }] : []),
          ];
    let when = start + (index % 40) * day;
    for (const { moduleId, lessons } of plan) {
      const module = byId.get(moduleId);
      if (!module) continue;
      when = await seedModuleProgress(userId, module, lessons, when, index);
    }
  }
}

/**
 * One councillor's way through a module, written through the same functions the lesson and knowledge-check
 * pages use (so the demo data obeys the same rules), back-dated to `from` onwards. Returns when they stopped.
 */
export async function seedModuleProgress(
  userId: string,
  { module, knowledgeCheck }: { module: ModuleInfo; knowledgeCheck: KnowledgeCheck },
  lessonCount: number,
  from: number,
  index: number,
) {
  let when = from;
  for (const lesson of module.lessons.slice(0, lessonCount)) {
    await markLessonComplete({ userId, module, lessonSlug: lesson.slug, at: new Date((when += 12 * 60 * 1000)) });
  }
  if (lessonCount < module.lessons.length) return when + 3 * day;
  // every fourth councillor needed a second try (half right, then one wrong); the others passed first time
  const total = module.questionCount;
  const tries = index % 4 === 0 ? [Math.floor(total / 2), total - 1] : [index % 2 ? total : total - 1];
  for (const [attempt, correct] of tries.entries()) {
    when += 10 * 60 * 1000;
    // each attempt draws its questions as the page does (seeded, so the demo data is the same every time)
    const started = await startKnowledgeCheck({ userId, module, knowledgeCheck, at: new Date(when), random: seededRandom(index * 2 + attempt) });
    const answers = answersScoring(started.check, correct, index + attempt);
    when += 8 * 60 * 1000;
    const submission = await submitKnowledgeCheck({ userId, module, knowledgeCheck, attemptId: started.id, answers, at: new Date(when) });
    const last = attempt === tries.length - 1;
    if (submission.kind !== "graded" || last !== !!submission.completed?.isNew)
      throw new Error(`The demo plan for ${module.id} does not fit its pass mark (${module.passMark}%)`);
  }
  return when + 9 * day;
}

// `npm run db:seed`: seed an empty database.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { migrate } = await import("~/utils/migrate.server");
  const { databaseUrl } = await import("~/utils/db.server");
  await migrate(databaseUrl());
  if ((await db.council.count()) > 0) {
    console.error("The database already has data: run `npm run db:reset` to start again from the demo data.");
    process.exit(1);
  }
  await seedDemoData();
  console.log(`Seeded ${await db.council.count()} councils and ${await db.user.count()} people.`);
  await db.$disconnect();
}
