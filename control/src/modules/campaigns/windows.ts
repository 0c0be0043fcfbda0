// Calling windows, in the lead's local time (Intl does the zone arithmetic).
import type { CampaignWindow } from "../../db/schema.ts";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The weekday (`mon`..`sun`) and the second of the day at `at` in `zone`. */
export function localTime(at: Date, zone: string): { day: string; secondOfDay: number } {
  const parts = Object.fromEntries(
    formatterFor(zone)
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return {
    day: String(parts.weekday).slice(0, 3).toLowerCase(),
    secondOfDay: Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second),
  };
}

function secondsOf(clock: string): number {
  const [hours = 0, minutes = 0, seconds = 0] = clock.split(":").map(Number);
  return hours * 3600 + minutes * 60 + seconds;
}

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const previousDay = (day: string) => DAYS[(DAYS.indexOf(day) + 6) % 7]!;

/** Whether `at` falls in one of `windows` in `zone`; no windows: always. */
export function withinWindows(at: Date, zone: string, windows: CampaignWindow[]): boolean {
  if (windows.length === 0) return true;
  const { day, secondOfDay } = localTime(at, zone);
  return windows.some((window) => {
    const start = secondsOf(window.start);
    const end = secondsOf(window.end);
    if (start < end) return window.days.includes(day) && secondOfDay >= start && secondOfDay < end;
    // Past midnight: the evening part belongs to its own day, the morning part to the day before.
    if (secondOfDay >= start) return window.days.includes(day);
    return secondOfDay < end && window.days.includes(previousDay(day));
  });
}
