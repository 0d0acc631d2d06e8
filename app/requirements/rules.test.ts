import { describe, expect, it } from "vitest";
import { ukToday } from "~/utils/uk-time";
import { addMonths, endOfDay, firstDueOn, isSatisfied, municipalYearOf, nextDueOn, reminderStep, trainingStatus, type MemberDates, type RequirementRule, type Training } from "./rules";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const rule = (over: Partial<RequirementRule> = {}): RequirementRule => ({
  id: "req-1",
  moduleId: "code-of-conduct",
  courseTopic: null,
  dueRule: "after-election",
  dueOn: null,
  dueWithinDays: 60,
  validForMonths: null,
  earlierWithinMonths: null,
  setOn: day("2026-06-01"),
  ...over,
});

const member = (over: Partial<MemberDates> = {}): MemberDates => ({
  memberSince: day("2026-05-07"),
  termStartedOn: day("2026-05-07"),
  appointedOn: null,
  joinedOn: day("2026-05-20"),
  ...over,
});

const module = (on: string, moduleId = "code-of-conduct"): Training => ({ source: "module", on: day(on), moduleId, title: "Code of conduct" });
const course = (on: string, topic = "standards"): Training => ({ source: "course", on: day(on), topic, title: "Standards day", courseId: "c1" });
const recorded = (on: string, requirementId: string | null = "req-1"): Training => ({
  source: "recorded",
  on: day(on),
  requirementId,
  title: "Planning briefing",
  provider: "Planning Advisory Service",
  recordedTrainingId: "r1",
});

const status = (over: { rule?: Partial<RequirementRule>; member?: Partial<MemberDates>; training?: Training[]; exempt?: boolean; today: string }) =>
  trainingStatus({ rule: rule(over.rule), member: member(over.member), training: over.training ?? [], exempt: over.exempt ?? false, today: day(over.today) });

describe("due dates", () => {
  it("counts N days from first election, so a member re-elected this May is not sent back to induction", () => {
    const returning = member({ memberSince: day("2017-05-04"), termStartedOn: day("2026-05-07") });
    expect(firstDueOn(rule(), member())).toEqual(day("2026-07-06"));
    expect(firstDueOn(rule(), returning)).toEqual(day("2017-07-03"));
  });

  it("counts from the current term's start, from appointment to the committee, or gives the date set", () => {
    const m = member({ memberSince: day("2017-05-04"), termStartedOn: day("2026-05-07"), appointedOn: day("2026-09-15") });
    expect(firstDueOn(rule({ dueRule: "after-term-start", dueWithinDays: 90 }), m)).toEqual(day("2026-08-05"));
    expect(firstDueOn(rule({ dueRule: "after-appointment", dueWithinDays: 30 }), m)).toEqual(day("2026-10-15"));
    expect(firstDueOn(rule({ dueRule: "by-date", dueOn: day("2027-03-31"), dueWithinDays: null }), m)).toEqual(day("2027-03-31"));
  });

  it("falls back to when the member joined here when the council has not recorded the date", () => {
    const unknown = member({ memberSince: null, termStartedOn: null, appointedOn: null, joinedOn: day("2026-05-20") });
    expect(firstDueOn(rule({ dueWithinDays: 10 }), unknown)).toEqual(day("2026-05-30"));
    expect(firstDueOn(rule({ dueRule: "after-term-start", dueWithinDays: 10 }), unknown)).toEqual(day("2026-05-30"));
    expect(firstDueOn(rule({ dueRule: "after-appointment", dueWithinDays: 10 }), unknown)).toEqual(day("2026-05-30"));
  });

  it("lands on the same calendar date across the October clock change, read on a UK clock", () => {
    // elected 1 October (BST); 60 days later is 30 November (GMT): no hour lost or gained
    expect(firstDueOn(rule(), member({ memberSince: day("2026-10-01") }))).toEqual(day("2026-11-30"));
    // 23:30 UTC on 29 November is still the 29th in the UK (GMT): due, not overdue
    expect(trainingStatus({ rule: rule(), member: member({ memberSince: day("2026-10-01") }), training: [], exempt: false, today: ukToday(new Date("2026-11-30T23:30:00Z")) }).state).toBe("due");
    // but 23:30 UTC on 30 September is already 1 October in the UK (BST)
    expect(ukToday(new Date("2026-09-30T23:30:00Z"))).toEqual(day("2026-10-01"));
  });
});

describe("where a member stands", () => {
  it("is due until the due date, overdue the day after", () => {
    expect(status({ today: "2026-07-06" })).toEqual({ state: "due", dueOn: day("2026-07-06"), lapsed: null });
    expect(status({ today: "2026-07-07" })).toEqual({ state: "overdue", dueOn: day("2026-07-06"), lapsed: null });
  });

  it("is met by the module, and only by that module", () => {
    expect(status({ training: [module("2026-06-10")], today: "2026-08-01" })).toMatchObject({ state: "met", refreshBy: null });
    expect(status({ training: [module("2026-06-10", "prevent-duty")], today: "2026-08-01" }).state).toBe("overdue");
    expect(status({ training: [course("2026-06-10")], today: "2026-08-01" }).state).toBe("overdue");
  });

  it("is met by a course on the topic, or by training recorded against this requirement", () => {
    const planning = { moduleId: null, courseTopic: "standards" };
    expect(status({ rule: planning, training: [course("2026-06-10")], today: "2026-08-01" }).state).toBe("met");
    expect(status({ rule: planning, training: [course("2026-06-10", "resilience")], today: "2026-08-01" }).state).toBe("overdue");
    expect(status({ rule: planning, training: [recorded("2026-06-10")], today: "2026-08-01" }).state).toBe("met");
    expect(status({ rule: planning, training: [recorded("2026-06-10", "another")], today: "2026-08-01" }).state).toBe("overdue");
  });

  it("once met stays met without a refresher, whenever it was done", () => {
    expect(status({ training: [module("2019-01-01")], today: "2030-01-01" })).toMatchObject({ state: "met", refreshBy: null });
  });

  it("counts earlier training only within the window the council allows before the requirement applied", () => {
    const window = { earlierWithinMonths: 12 };
    // elected 7 May 2026: training from 7 May 2025 on counts, earlier does not
    expect(status({ rule: window, training: [module("2025-05-07")], today: "2026-06-01" }).state).toBe("met");
    expect(status({ rule: window, training: [module("2025-05-06")], today: "2026-06-01" })).toEqual({ state: "due", dueOn: day("2026-07-06"), lapsed: null });
    expect(status({ rule: { earlierWithinMonths: 0 }, training: [module("2026-05-06")], today: "2026-06-01" }).state).toBe("due");
    expect(status({ rule: { earlierWithinMonths: 0 }, training: [module("2026-05-07")], today: "2026-06-01" }).state).toBe("met");
  });

  it("falls due again when a refresher runs out, and is overdue the day after", () => {
    const yearly = { validForMonths: 12 };
    const done = [module("2026-06-10")];
    expect(status({ rule: yearly, training: done, today: "2027-06-09" })).toMatchObject({ state: "met", refreshBy: day("2027-06-10") });
    expect(status({ rule: yearly, training: done, today: "2027-06-10" })).toMatchObject({ state: "due", dueOn: day("2027-06-10"), lapsed: { source: "module" } });
    expect(status({ rule: yearly, training: done, today: "2027-06-11" })).toMatchObject({ state: "overdue", dueOn: day("2027-06-10") });
    // doing it again starts a new year from the latest, in whatever order the training comes
    expect(status({ rule: yearly, training: [...done, recorded("2027-07-01")], today: "2027-08-01" })).toMatchObject({ state: "met", refreshBy: day("2028-07-01") });
    expect(status({ rule: yearly, training: [recorded("2027-07-01"), ...done], today: "2027-08-01" })).toMatchObject({ state: "met", refreshBy: day("2028-07-01") });
  });

  it("gives a member whose old training ran out before the requirement's first due date until that date", () => {
    const byMarch = { dueRule: "by-date" as const, dueOn: day("2027-03-31"), validForMonths: 12 };
    expect(status({ rule: byMarch, training: [module("2025-01-10")], today: "2026-12-01" })).toMatchObject({ state: "due", dueOn: day("2027-03-31") });
  });

  it("is exempt whatever the training says", () => {
    expect(status({ exempt: true, today: "2030-01-01" })).toEqual({ state: "exempt" });
  });

  it("says what is owed next", () => {
    expect(nextDueOn(status({ rule: { validForMonths: 24 }, training: [module("2026-06-10")], today: "2026-07-01" }))).toEqual(day("2028-06-10"));
    expect(nextDueOn(status({ training: [module("2026-06-10")], today: "2026-07-01" }))).toBeNull();
    expect(nextDueOn(status({ today: "2026-07-01" }))).toEqual(day("2026-07-06"));
    expect(nextDueOn(status({ exempt: true, today: "2026-07-01" }))).toBeNull();
    expect(isSatisfied(status({ exempt: true, today: "2026-07-01" }))).toBe(true);
    expect(isSatisfied(status({ today: "2026-07-01" }))).toBe(false);
  });
});

describe("calendar arithmetic", () => {
  it("ends a month later on the month's last day when the day does not exist", () => {
    expect(addMonths(day("2027-01-31"), 1)).toEqual(day("2027-02-28"));
    expect(addMonths(day("2028-01-31"), 1)).toEqual(day("2028-02-29"));
    expect(addMonths(day("2026-06-10"), 24)).toEqual(day("2028-06-10"));
    expect(addMonths(day("2026-05-07"), -12)).toEqual(day("2025-05-07"));
  });

  it("starts the municipal year in May", () => {
    expect(municipalYearOf(day("2026-05-01"))).toBe(2026);
    expect(municipalYearOf(day("2027-04-30"))).toBe(2026);
  });

  it("counts all of the as-of day, to its last millisecond", () => {
    expect(endOfDay(day("2027-04-30"))).toEqual(new Date("2027-04-30T23:59:59.999Z"));
  });
});

describe("reminders", () => {
  const step = (today: string, remindDaysBefore = 14, overdueReminders = 3) => reminderStep({ dueOn: day("2027-03-31"), today: day(today), remindDaysBefore, overdueReminders });

  it("says due soon within the council's days before, due tomorrow the day before, nothing on the day", () => {
    expect(step("2027-03-16")).toBeNull();
    expect(step("2027-03-17")).toBe("due-soon");
    expect(step("2027-03-30")).toBe("due-tomorrow");
    expect(step("2027-03-31")).toBeNull();
    expect(step("2027-03-01", 30)).toBe("due-soon");
  });

  it("sends an overdue notice each week from the day after, then escalates once the council's number is reached", () => {
    expect(step("2027-04-01")).toBe("overdue-1");
    expect(step("2027-04-07")).toBe("overdue-1");
    expect(step("2027-04-08")).toBe("overdue-2");
    expect(step("2027-04-15")).toBe("overdue-3");
    expect(step("2027-04-22")).toBe("escalated");
    expect(step("2028-01-01")).toBe("escalated");
    expect(step("2027-04-08", 14, 1)).toBe("escalated");
  });

  it("counts days on the UK calendar across the clock change at the end of March", () => {
    // 28 March 2027 is the day the clocks go forward: 31 March is still three days after it
    expect(reminderStep({ dueOn: day("2027-03-31"), today: ukToday(new Date("2027-03-29T23:30:00Z")), remindDaysBefore: 14, overdueReminders: 3 })).toBe("due-tomorrow");
  });
});
