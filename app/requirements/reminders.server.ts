// Reminders about required training, and the officers' weekly digest. Each server process runs them every
// quarter of an hour and `npm run jobs:once` runs them from cron. Every email is written in the transaction
// that inserts its row in Reminder (or DigestSent), whose unique key lets one process only send it: two
// processes at once send each reminder once. The steps are in rules.ts (reminderStep).
import { findModule } from "~/content/content.server";
import { SHOWN_TO_OFFICERS } from "~/councils/membership.server";
import { DEFAULT_LANGUAGE, type Language } from "~/i18n/config";
import { formatDate } from "~/i18n/format";
import { inLanguage, RECIPIENT, writeEmail, type Letter } from "~/models/account-emails.server";
import { enqueueEmail } from "~/models/email.server";
import { enrolRequired } from "~/learning/enrolments.server";
import { db, isUniqueViolation } from "~/utils/db.server";
import { appUrl } from "~/utils/request.server";
import { ukParts, ukToday } from "~/utils/uk-time";
import { requirementLabel } from "./requirements.server";
import { addDays, daysBetween, nextDueOn, reminderStep, type ReminderStep } from "./rules";
import { councilTraining, countStandings, type CouncilTraining } from "./status.server";

export const TRAINING_JOBS_INTERVAL_MS = 15 * 60_000;
/** Digests go from this hour (UK) on Mondays, or on the first run after it that week. */
const DIGEST_HOUR = 7;

type Council = { id: string; name: string; welshName: string | null; nation: string; remindDaysBefore: number; overdueRemindersBeforeEscalating: number; escalateToGroupLeaders: boolean };
type Requirement = CouncilTraining["requirements"][number];

const COUNCIL_FIELDS = {
  id: true,
  name: true,
  welshName: true,
  nation: true,
  remindDaysBefore: true,
  overdueRemindersBeforeEscalating: true,
  escalateToGroupLeaders: true,
} as const;

const councilName = (council: Pick<Council, "name" | "welshName">, language: Language) => (language === "cy" ? (council.welshName ?? council.name) : council.name);

/** What to do about a requirement, for the letter: its module, its courses, or telling the officer. */
function whatToDo(requirement: Requirement, t: Parameters<Letter>[0], language: Language) {
  const lines = [];
  if (requirement.moduleId && findModule(requirement.moduleId, language)) lines.push(t("training.module", { link: inLanguage(`${appUrl()}/modules/${requirement.moduleId}`, language) }));
  if (requirement.courseTopic) lines.push(t("training.topic", { link: inLanguage(`${appUrl()}/courses?topic=${requirement.courseTopic}`, language) }));
  lines.push(t("training.recorded"));
  return lines;
}

function memberLetter({ step, name, council, requirement, dueOn, refresher }: { step: ReminderStep; name: string; council: Council; requirement: Requirement; dueOn: Date; refresher: boolean }): Letter {
  const kind = step === "due-soon" ? "dueSoon" : step === "due-tomorrow" ? "dueTomorrow" : "overdue";
  return (t, language) => {
    const words = { council: councilName(council, language), requirement: requirementLabel(requirement, language), date: formatDate(dueOn, language) };
    return {
      subject: t(`training.${kind}.subject`, words),
      text: [
        t("greeting", { name }),
        "",
        t(`training.${kind}.body`, words),
        ...(refresher ? [t("training.refresher")] : []),
        "",
        ...whatToDo(requirement, t, language),
        "",
        t("training.yourLearning", { link: inLanguage(`${appUrl()}/`, language) }),
        kind === "overdue" ? t("training.overdueAlways") : t("training.settings", { link: inLanguage(`${appUrl()}/account/reminders`, language) }),
      ].join("\n"),
    };
  };
}

function escalationLetter({ officerName, member, council, requirement, dueOn, membershipId }: { officerName: string; member: string; council: Council; requirement: Requirement; dueOn: Date; membershipId: string }): Letter {
  return (t, language) => {
    const words = { member, requirement: requirementLabel(requirement, language), date: formatDate(dueOn, language), count: council.overdueRemindersBeforeEscalating };
    return {
      subject: t("training.escalated.subject", words),
      text: [t("greeting", { name: officerName }), "", t("training.escalated.body", words), "", t("training.escalated.link", { link: inLanguage(`${appUrl()}/council/members/${membershipId}`, language) })].join("\n"),
    };
  };
}

function groupLeaderLetter({ group, member, council, requirement, dueOn }: { group: string; member: string; council: Council; requirement: Requirement; dueOn: Date }): Letter {
  return (t, language) => {
    const words = { group, member, council: councilName(council, language), requirement: requirementLabel(requirement, language), date: formatDate(dueOn, language), count: council.overdueRemindersBeforeEscalating };
    return { subject: t("training.groupLeader.subject", words), text: [t("training.groupLeader.greeting", words), "", t("training.groupLeader.body", words)].join("\n") };
  };
}

/** Sends each reminder owed today at every council with requirements. Returns how many steps were taken. */
export async function sendTrainingReminders(now = new Date()) {
  const today = ukToday(now);
  const councils = await db.council.findMany({ where: { requirements: { some: { removedAt: null } } }, select: COUNCIL_FIELDS });
  let sent = 0;
  for (const council of councils) sent += await remindCouncil(council, today);
  return sent;
}

async function remindCouncil(council: Council, today: Date) {
  const training = await councilTraining({ councilId: council.id, language: DEFAULT_LANGUAGE, today });
  const membersById = new Map(training.members.map((member) => [member.id, member]));
  const [people, alreadySent, officers, leaders] = await Promise.all([
    db.user.findMany({
      where: { id: { in: training.members.map((member) => member.userId) } },
      select: { id: true, name: true, email: true, remindDueSoon: true, remindDueTomorrow: true, ...RECIPIENT },
    }),
    db.reminder.findMany({ where: { requirement: { councilId: council.id }, dueOn: { gte: addDays(today, -400) } }, select: { requirementId: true, membershipId: true, dueOn: true, step: true } }),
    db.user.findMany({ where: { councilId: council.id, role: "officer", deactivatedAt: null }, select: { name: true, email: true, ...RECIPIENT } }),
    council.escalateToGroupLeaders ? db.partyGroupLeader.findMany({ where: { councilId: council.id }, select: { partyGroup: true, email: true } }) : [],
  ]);
  const personById = new Map(people.map((person) => [person.id, person]));
  const key = (requirementId: string, membershipId: string, dueOn: Date, step: string) => `${requirementId} ${membershipId} ${dueOn.getTime()} ${step}`;
  const sentBefore = new Set(alreadySent.map((r) => key(r.requirementId, r.membershipId, r.dueOn, r.step)));
  let sent = 0;
  for (const requirement of training.requirements) {
    // the record of how they came to the module: their council requires it (an enrolment they had stays as it was)
    if (requirement.moduleId) await enrolRequired({ userIds: requirement.standings.map((s) => s.userId), moduleId: requirement.moduleId });
    for (const standing of requirement.standings) {
      const dueOn = nextDueOn(standing.status);
      if (!dueOn) continue;
      const step = reminderStep({ dueOn, today, remindDaysBefore: council.remindDaysBefore, overdueReminders: council.overdueRemindersBeforeEscalating });
      if (!step || sentBefore.has(key(requirement.id, standing.membershipId, dueOn, step))) continue;
      const person = personById.get(standing.userId)!;
      // the member chose not to have these; the overdue notice always goes
      if ((step === "due-soon" && !person.remindDueSoon) || (step === "due-tomorrow" && !person.remindDueTomorrow)) continue;
      const refresher = (standing.status.state === "met" && standing.status.refreshBy !== null) || (standing.status.state !== "met" && standing.status.state !== "exempt" && standing.status.lapsed !== null);
      const emails =
        step === "escalated"
          ? [
              ...officers.map((officer) => ({
                to: officer.email,
                ...writeEmail(officer, escalationLetter({ officerName: officer.name, member: person.name, council, requirement, dueOn, membershipId: standing.membershipId })),
              })),
              ...leaders
                .filter((leader) => leader.partyGroup === membersById.get(standing.membershipId)?.partyGroup)
                .map((leader) => ({
                  to: leader.email,
                  ...writeEmail({ language: null, council: { nation: council.nation } }, groupLeaderLetter({ group: leader.partyGroup, member: person.name, council, requirement, dueOn })),
                })),
            ]
          : [{ to: person.email, ...writeEmail(person, memberLetter({ step, name: person.name, council, requirement, dueOn, refresher })) }];
      if (await claimStep({ requirementId: requirement.id, membershipId: standing.membershipId, dueOn, step }, emails)) sent++;
    }
  }
  return sent;
}

/** Records the step and queues its emails in one transaction: false when another process took the step first. */
async function claimStep(reminder: { requirementId: string; membershipId: string; dueOn: Date; step: string }, emails: Parameters<typeof enqueueEmail>[0][]) {
  try {
    await db.$transaction(async (tx) => {
      await tx.reminder.create({ data: reminder });
      for (const email of emails) await enqueueEmail(email, tx);
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** The Monday of the week a UK date is in. */
function mondayOf(date: Date) {
  return addDays(date, -((date.getUTCDay() + 6) % 7));
}

/** Each officer who has not switched it off gets one digest a week, from Monday morning (UK). */
export async function sendWeeklyDigests(now = new Date()) {
  const today = ukToday(now);
  const weekOf = mondayOf(today);
  if (daysBetween(weekOf, today) === 0 && Number(ukParts(now).time.slice(0, 2)) < DIGEST_HOUR) return 0;
  const officers = await db.user.findMany({
    where: { role: "officer", weeklyDigest: true, deactivatedAt: null, councilId: { not: null }, council: { requirements: { some: { removedAt: null } } }, digestsSent: { none: { weekOf } } },
    select: { id: true, name: true, email: true, councilId: true, ...RECIPIENT },
  });
  const councilIds = [...new Set(officers.map((officer) => officer.councilId!))];
  let sent = 0;
  for (const councilId of councilIds) {
    const [council, training, waiting] = await Promise.all([
      db.council.findUniqueOrThrow({ where: { id: councilId }, select: COUNCIL_FIELDS }),
      councilTraining({ councilId, language: DEFAULT_LANGUAGE, today }),
      db.membership.count({ where: { councilId, confirmedAt: null, leftOfficeOn: null, ...SHOWN_TO_OFFICERS } }),
    ]);
    for (const officer of officers.filter((o) => o.councilId === councilId)) {
      const email = { to: officer.email, ...writeEmail(officer, digestLetter({ name: officer.name, council, training, waiting, today })) };
      try {
        await db.$transaction(async (tx) => {
          await tx.digestSent.create({ data: { userId: officer.id, weekOf } });
          await enqueueEmail(email, tx);
        });
        sent++;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
  }
  return sent;
}

const DIGEST_LINES = 20;

function digestLetter({ name, council, training, waiting, today }: { name: string; council: Council; training: CouncilTraining; waiting: number; today: Date }): Letter {
  const all = training.requirements.flatMap((requirement) => requirement.standings.map((standing) => ({ requirement, standing })));
  const counts = countStandings(all.map(({ standing }) => standing));
  const overdue = all.filter(({ standing }) => standing.status.state === "overdue");
  const soon = all.filter(({ standing }) => {
    const due = nextDueOn(standing.status);
    return standing.status.state !== "overdue" && due !== null && daysBetween(today, due) >= 0 && daysBetween(today, due) <= 14;
  });
  return (t, language) => {
    const line = ({ requirement, standing }: (typeof all)[number]) =>
      t("training.digest.overdueLine", { member: standing.name, requirement: requirementLabel(requirement, language), date: formatDate(nextDueOn(standing.status)!, language) });
    const list = (items: typeof all) => [...items.slice(0, DIGEST_LINES).map(line), ...(items.length > DIGEST_LINES ? [t("training.digest.more", { count: items.length - DIGEST_LINES })] : [])];
    return {
      subject: t("training.digest.subject", { council: councilName(council, language) }),
      text: [
        t("greeting", { name }),
        "",
        t("training.digest.intro", { council: councilName(council, language), date: formatDate(today, language) }),
        t("training.digest.counts", counts),
        "",
        ...(overdue.length > 0 ? [t("training.digest.overdueHeading"), ...list(overdue)] : [t("training.digest.noneOverdue")]),
        ...(soon.length > 0 ? ["", t("training.digest.dueSoonHeading"), ...list(soon)] : []),
        ...(waiting > 0 ? ["", t("training.digest.waiting", { count: waiting })] : []),
        "",
        t("training.digest.link", { link: inLanguage(`${appUrl()}/council/requirements`, language) }),
        t("training.digest.settings", { link: inLanguage(`${appUrl()}/account/reminders`, language) }),
      ].join("\n"),
    };
  };
}

/** The training jobs: enrol members on modules their councils require, send reminders, send digests. */
export async function runTrainingJobs(now = new Date()) {
  const reminders = await sendTrainingReminders(now);
  const digests = await sendWeeklyDigests(now);
  return { reminders, digests };
}
