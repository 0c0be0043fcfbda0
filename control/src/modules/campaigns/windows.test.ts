import { describe, expect, test } from "bun:test";
import { zoneOfNumber } from "./time-zones.ts";
import { localTime, withinWindows } from "./windows.ts";

// Monday 2026-03-02 14:30:00 UTC: 09:30 in New York (EST), 15:30 in Paris, 23:30 in Tokyo.
const at = new Date("2026-03-02T14:30:00Z");
const weekdays = ["mon", "tue", "wed", "thu", "fri"];

describe("calling windows", () => {
  test("local time follows the zone, daylight saving included", () => {
    expect(localTime(at, "America/New_York")).toEqual({ day: "mon", secondOfDay: 9 * 3600 + 30 * 60 });
    expect(localTime(at, "Asia/Tokyo")).toEqual({ day: "mon", secondOfDay: 23 * 3600 + 30 * 60 });
    // 2026-07-06 14:30 UTC is 10:30 in New York (EDT).
    expect(localTime(new Date("2026-07-06T14:30:00Z"), "America/New_York").secondOfDay).toBe(10.5 * 3600);
  });

  test("a window holds in one zone and not in another; the end is exclusive", () => {
    const office = [{ days: weekdays, start: "09:00", end: "17:00" }];
    expect(withinWindows(at, "America/New_York", office)).toBe(true);
    expect(withinWindows(at, "Europe/Paris", office)).toBe(true);
    expect(withinWindows(at, "Asia/Tokyo", office)).toBe(false);
    expect(withinWindows(at, "UTC", [{ days: ["mon"], start: "14:00:00", end: "14:30:00" }])).toBe(false);
    expect(withinWindows(at, "UTC", [{ days: ["mon"], start: "14:29:59", end: "14:30:01" }])).toBe(true);
    expect(withinWindows(at, "UTC", [{ days: ["tue"], start: "00:00", end: "23:59" }])).toBe(false);
    expect(withinWindows(at, "UTC", [])).toBe(true);
  });

  test("a window past midnight belongs to the day it starts", () => {
    const evenings = [{ days: ["sun"], start: "22:00", end: "02:00" }];
    expect(withinWindows(new Date("2026-03-01T23:00:00Z"), "UTC", evenings)).toBe(true); // Sunday 23:00
    expect(withinWindows(new Date("2026-03-02T01:00:00Z"), "UTC", evenings)).toBe(true); // Monday 01:00
    expect(withinWindows(new Date("2026-03-03T01:00:00Z"), "UTC", evenings)).toBe(false); // Tuesday 01:00
  });

  test("a number's zone: the area code in North America, the country elsewhere, else unknown", () => {
    expect(zoneOfNumber("+14155550142")).toBe("America/Los_Angeles");
    expect(zoneOfNumber("+12125550142")).toBe("America/New_York");
    expect(zoneOfNumber("+442079460000")).toBe("Europe/London");
    expect(zoneOfNumber("+33142685300")).toBe("Europe/Paris");
    expect(zoneOfNumber("+61293744000")).toBeNull();
  });
});
