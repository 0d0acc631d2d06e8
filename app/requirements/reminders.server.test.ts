// Reminders about required training on the real database: the cadence day by day, what members switched
// off, escalation to the officer and a group leader, refreshers, the weekly digest, and two processes at once.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import { createCouncil, createUser, requirementInput } from "../../tests/factories";
import { addCommittee, appointToCommittee } from "~/councils/committees.server";
import { db } from "~/utils/db.server";
import { createRequirement } from "./requirements.server";
import { sendTrainingReminders, sendWeeklyDigests } from "./reminders.server";

const origin = { ip: "192.0.2.20", userAgent: "Vitest" };
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** 10:00 in the UK on a date (BST in these months) */
const morning = (iso: string) => new Date(`${iso}T09:00:00Z`);

const conduct = requirementInput({ dueRule: "by-date", dueOn: day("2027-06-30"), dueWithinDays: null });

async function setUp(settings: { overdueRemindersBeforeEscalating?: number; escalateToGroupLeaders?: boolean } = {}) {
  const council = await createCouncil();
  await db.council.update({ where: { id: council.id }, data: { remindDaysBefore: 14, overdueRemindersBeforeEscalating: 2, ...settings } });
  const officer = await createUser({ role: "officer", councilId: council.id, name: "Olwen Officer" });
  const member = await createUser({ councilId: council.id, name: "Morgan Member" });
  const outcome = await createRequirement({ councilId: council.id, actorId: officer.id, input: conduct }, origin);
  if (outcome.status !== "created") throw new Error("not created");
  return { council, officer, member };
}

const subjectsTo = async (to: string) => (await db.emailMessage.findMany({ where: { to }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((m) => m.subject);

test("a member is told 14 days before, the day before, each week overdue, and then the officer instead; never twice", async () => {
  const { officer, member } = await setUp();
  for (const date of ["2027-06-10", "2027-06-16", "2027-06-17", "2027-06-29", "2027-06-29", "2027-06-30", "2027-07-01", "2027-07-07", "2027-07-08", "2027-07-15", "2027-07-22", "2027-08-30"]) {
    await sendTrainingReminders(morning(date));
  }
  expect(await subjectsTo(member.email)).toEqual([
    "Standards in public office: due by 30 June 2027",
    "Standards in public office is due tomorrow",
    "Standards in public office is overdue",
    "Standards in public office is overdue",
  ]);
  expect(await subjectsTo(officer.email)).toEqual(["Morgan Member is overdue with Standards in public office"]);
  const escalation = await db.emailMessage.findFirstOrThrow({ where: { to: officer.email } });
  expect(escalation.text).toContain("has had 2 reminders");
  expect(escalation.text).toMatch(/\/council\/members\/\w+/);
  const overdue = await db.emailMessage.findFirstOrThrow({ where: { to: member.email, subject: { contains: "overdue" } } });
  expect(overdue.text).toContain("/modules/standards-in-public-office");
  expect(overdue.text).toContain("are always sent");
  // the member was enrolled on the module their council requires
  expect(await db.enrolment.findMany({ where: { userId: member.id }, select: { moduleId: true, source: true } })).toEqual([{ moduleId: "standards-in-public-office", source: "requirement" }]);
});

test("a member who switched off 'due soon' and 'due tomorrow' still gets the overdue notice; met or exempt members get nothing", async () => {
  const { council, officer, member } = await setUp();
  await db.user.update({ where: { id: member.id }, data: { remindDueSoon: false, remindDueTomorrow: false } });
  const done = await createUser({ councilId: council.id, name: "Dana Done" });
  await db.moduleCompletion.create({
    data: { userId: done.id, moduleId: "standards-in-public-office", moduleVersion: 1, moduleTitle: "Standards", holderName: "Dana", scorePercent: 90, certificateCode: `code-${done.id}` },
  });
  for (const date of ["2027-06-16", "2027-06-29", "2027-07-01"]) await sendTrainingReminders(morning(date));
  expect(await subjectsTo(member.email)).toEqual(["Standards in public office is overdue"]);
  expect(await subjectsTo(done.email)).toEqual([]);
  expect(await subjectsTo(officer.email)).toEqual([]);
});

test("a yearly refresher is reminded before it runs out; escalation also goes to the member's party group leader when the council asks", async () => {
  const council = await createCouncil({ nation: "wales" });
  await db.council.update({ where: { id: council.id }, data: { overdueRemindersBeforeEscalating: 1, escalateToGroupLeaders: true } });
  const officer = await createUser({ role: "officer", councilId: council.id });
  const member = await createUser({ councilId: council.id, name: "Rhys Refresher" });
  await db.membership.update({ where: { id: member.membershipId! }, data: { partyGroup: "Independent" } });
  await db.partyGroupLeader.create({ data: { councilId: council.id, partyGroup: "Independent", email: "leader@independents.example" } });
  const planning = await addCommittee({ councilId: council.id, name: "Planning committee", actorId: officer.id }, origin);
  if (planning.status !== "added") throw new Error("no committee");
  await appointToCommittee({ councilId: council.id, membershipId: member.membershipId!, actorId: officer.id, seat: { committeeId: planning.committeeId, role: "member", appointedOn: day("2026-05-20") } }, origin);
  const outcome = await createRequirement(
    {
      councilId: council.id,
      actorId: officer.id,
      input: { ...conduct, name: "Planning training", moduleId: null, audience: "committee", committeeId: planning.committeeId, dueRule: "after-appointment", dueOn: null, dueWithinDays: 30, validForMonths: 12 },
    },
    origin,
  );
  if (outcome.status !== "created") throw new Error("not created");
  await db.recordedTraining.create({
    data: { userId: member.id, councilId: council.id, requirementId: outcome.requirementId, title: "Planning briefing", provider: "WLGA", completedOn: day("2026-06-10"), recordedById: officer.id },
  });
  await sendTrainingReminders(morning("2027-05-27"));
  const [soon] = await db.emailMessage.findMany({ where: { to: member.email } });
  // a member of a Welsh council who never chose a language is written to in Welsh and English
  expect(soon.language).toBe("cy en");
  expect(soon.subject).toContain("Planning training: due by 10 June 2027");
  expect(soon.text).toContain("It is a refresher");
  for (const date of ["2027-06-11", "2027-06-18"]) await sendTrainingReminders(morning(date));
  expect(await subjectsTo("leader@independents.example")).toHaveLength(1);
  expect(await subjectsTo(officer.email)).toHaveLength(1);
});

test("two processes running the jobs at once send each reminder once", async () => {
  const { member } = await setUp();
  const run = () => promisify(execFile)(process.execPath, ["--import", "tsx", "tests/run-training-jobs.ts"], { env: { ...process.env, NOW: morning("2027-07-01").toISOString() } });
  await Promise.all([run(), run(), run()]);
  expect(await subjectsTo(member.email)).toEqual(["Standards in public office is overdue"]);
  expect(await db.reminder.count({ where: { membershipId: member.membershipId! } })).toBe(1);
}, 60_000);

test("officers get one digest a week from Monday morning, unless they switched it off", async () => {
  const { council, officer, member } = await setUp();
  const quiet = await createUser({ role: "officer", councilId: council.id });
  await db.user.update({ where: { id: quiet.id }, data: { weeklyDigest: false } });
  // Monday 5 July 2027, 06:30 in the UK: too early
  expect(await sendWeeklyDigests(new Date("2027-07-05T05:30:00Z"))).toBe(0);
  await sendWeeklyDigests(new Date("2027-07-05T06:30:00Z"));
  await sendWeeklyDigests(new Date("2027-07-07T12:00:00Z"));
  await sendWeeklyDigests(new Date("2027-07-12T08:00:00Z"));
  const digests = await db.emailMessage.findMany({ where: { to: officer.email }, orderBy: { createdAt: "asc" } });
  expect(digests.map((d) => d.subject)).toEqual([`${council.name}: members' training this week`, `${council.name}: members' training this week`]);
  expect(digests[0].text).toContain("Overdue: 1.");
  expect(digests[0].text).toContain(`- ${member.name}: Standards in public office, due by 30 June 2027`);
  expect(await subjectsTo(quiet.email)).toEqual([]);
});
