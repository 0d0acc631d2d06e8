// Demo data for the embedded SQLite default: real councils, plausible councillors, one officer per
// council and two staff. Expects an empty database (the server seeds one on first start; `npm run
// db:reset` starts again). The demo sign-ins are listed in the README.
import { db } from "~/utils/db.server";
import { passwordHashFor } from "../tests/factories";
import { DEMO_COUNCILS, slugify } from "./councils";

export const DEMO_PASSWORD = "Leadership-Essentials-2026";
export const DEMO_SIGN_INS = {
  councillor: "councillor@demo.example",
  officer: "officer@demo.example",
  staff: "staff@demo.example",
};

const FIRST_NAMES = [
  "Amina", "Gareth", "Siobhan", "Tomasz", "Priya", "Rhys", "Helen", "Kwame", "Bethan", "Imran", "Claire", "Daniel",
  "Farah", "Owen", "Margaret", "Yusuf", "Catrin", "Peter", "Nadia", "Stephen", "Grace", "Hamza", "Lowri", "David",
  "Shabana", "Ian", "Rachel", "Emeka", "Sian", "Andrew", "Ruth", "Adeel",
];
const SURNAMES = [
  "Hussain", "Jones", "Walsh", "Kowalski", "Patel", "Evans", "Bradshaw", "Mensah", "Roberts", "Khan", "Whitaker",
  "O'Connor", "Begum", "Griffiths", "Thompson", "Ali", "Pritchard", "Nolan", "Ahmed", "Clarke", "Okafor", "Singh",
  "Morgan", "Hughes", "Davies", "Lewis", "Chaudhry", "Price",
];

function personName(index: number) {
  return `${FIRST_NAMES[index % FIRST_NAMES.length]} ${SURNAMES[(index * 7 + 3) % SURNAMES.length]}`;
}

function emailFor(name: string, councilSlug: string, index: number) {
  const local = name.toLowerCase().replace(/[^a-z]+/g, ".");
  return `${local}.${index}@${councilSlug}.example`;
}

export async function seedDemoData() {
  const passwordHash = await passwordHashFor(DEMO_PASSWORD);
  const confirmed = new Date("2026-06-01T09:00:00Z");
  let person = 0;

  for (const [councilIndex, seed] of DEMO_COUNCILS.entries()) {
    const slug = slugify(seed.name);
    const council = await db.council.create({
      data: { name: seed.name, welshName: seed.welshName ?? null, slug, type: seed.type, region: seed.region, nation: seed.nation },
    });
    const isLeeds = seed.name === "Leeds City Council";

    // Four councillors: most elected at the last ordinary election, one earlier, one not yet confirmed.
    for (let i = 0; i < 4; i++) {
      const name = isLeeds && i === 0 ? "Amina Hussain" : personName(person++);
      const last = new Date(`${seed.lastElection}T00:00:00Z`);
      const electedOn = i === 3 ? new Date(Date.UTC(last.getUTCFullYear() - 4, 4, last.getUTCDate())) : last;
      await db.user.create({
        data: {
          role: "councillor",
          name,
          email: isLeeds && i === 0 ? DEMO_SIGN_INS.councillor : emailFor(name, slug, i),
          councilId: council.id,
          electedOn,
          passwordHash,
          emailConfirmedAt: i === 2 && councilIndex % 5 === 0 ? null : confirmed,
        },
      });
    }

    const officerName = isLeeds ? "Joanne Whitaker" : personName(person++);
    await db.user.create({
      data: {
        role: "officer",
        name: officerName,
        email: isLeeds ? DEMO_SIGN_INS.officer : `member.development@${slug}.example`,
        councilId: council.id,
        passwordHash,
        emailConfirmedAt: confirmed,
      },
    });
  }

  for (const [email, name] of [
    [DEMO_SIGN_INS.staff, "Priya Raman"],
    ["tom.ellis@association.example", "Tom Ellis"],
  ]) {
    await db.user.create({ data: { role: "staff", name, email, passwordHash, emailConfirmedAt: confirmed } });
  }
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
