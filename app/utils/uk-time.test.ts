import { describe, expect, it } from "vitest";
import { ukDate, ukParts, ukTimeToUtc, ukToday } from "./uk-time";

describe("UK wall-clock time", () => {
  it("reads winter times as GMT and summer times as BST", () => {
    expect(ukTimeToUtc("2027-01-15", "09:30")?.toISOString()).toBe("2027-01-15T09:30:00.000Z");
    expect(ukTimeToUtc("2027-06-10", "09:30")?.toISOString()).toBe("2027-06-10T08:30:00.000Z");
  });

  it("is right on each side of both clock changes", () => {
    // The clocks go forward at 01:00 UTC on Sunday 28 March 2027 and back at 01:00 UTC on Sunday 31 October 2027.
    expect(ukTimeToUtc("2027-03-27", "10:00")?.toISOString()).toBe("2027-03-27T10:00:00.000Z");
    expect(ukTimeToUtc("2027-03-29", "10:00")?.toISOString()).toBe("2027-03-29T09:00:00.000Z");
    expect(ukTimeToUtc("2027-10-30", "10:00")?.toISOString()).toBe("2027-10-30T09:00:00.000Z");
    expect(ukTimeToUtc("2027-11-01", "10:00")?.toISOString()).toBe("2027-11-01T10:00:00.000Z");
    expect(ukTimeToUtc("2027-03-28", "00:59")?.toISOString()).toBe("2027-03-28T00:59:00.000Z");
    expect(ukTimeToUtc("2027-03-28", "02:00")?.toISOString()).toBe("2027-03-28T01:00:00.000Z");
  });

  it("refuses a time the clocks skip and takes the first of a time shown twice", () => {
    expect(ukTimeToUtc("2027-03-28", "01:30")).toBeNull();
    expect(ukTimeToUtc("2027-10-31", "01:30")?.toISOString()).toBe("2027-10-31T00:30:00.000Z");
  });

  it("refuses what is not a date or a time", () => {
    expect(ukTimeToUtc("2027-02-30", "10:00")).toBeNull();
    expect(ukTimeToUtc("30/01/2027", "10:00")).toBeNull();
    expect(ukTimeToUtc("2027-01-30", "25:00")).toBeNull();
    expect(ukTimeToUtc("2027-01-30", "9:00")).toBeNull();
  });

  it("writes an instant back as the UK clock shows it, round trip", () => {
    expect(ukParts(new Date("2027-06-10T08:30:00Z"))).toEqual({ date: "2027-06-10", time: "09:30" });
    expect(ukParts(new Date("2027-12-31T23:30:00Z"))).toEqual({ date: "2027-12-31", time: "23:30" });
    for (const [date, time] of [["2027-03-27", "23:15"], ["2027-10-31", "03:00"], ["2028-07-01", "00:00"]]) {
      expect(ukParts(ukTimeToUtc(date, time)!)).toEqual({ date, time });
    }
  });

  it("knows the UK date when UTC is still on the day before", () => {
    expect(ukToday(new Date("2027-06-10T23:30:00Z")).toISOString()).toBe("2027-06-11T00:00:00.000Z");
    expect(ukToday(new Date("2027-12-10T23:30:00Z")).toISOString()).toBe("2027-12-10T00:00:00.000Z");
  });

  it("gives the date the UK clock shows at every half hour for two years, clock changes included", () => {
    for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2028, 0, 1); at += 30 * 60_000) {
      const instant = new Date(at);
      expect(ukDate(instant).toISOString().slice(0, 10), instant.toISOString()).toBe(ukParts(instant).date);
    }
  });
});
