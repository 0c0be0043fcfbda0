import { expect, test } from "bun:test";
import { withoutWatchdogWarnings } from "./sipp.ts";

const HEADER = "The following events occurred:";
const WATCHDOG =
  "2026-12-07\t12:39:47.309051\t1796647187.309051: Overload warning: the minor watchdog timer 500ms has been tripped (700), 119 trips remaining.";
const UNEXPECTED =
  "2026-12-07\t12:39:48.1\t1796647188.1: Aborting call on unexpected message for Call-Id '1-42@127.0.0.1': while expecting '200' (index 1), received 'SIP/2.0 486 Busy Here";

test("a log of only watchdog warnings counts as no errors", () => {
  expect(withoutWatchdogWarnings(`${HEADER}\n${WATCHDOG}\n${WATCHDOG}\n`)).toBe("");
});

test("a protocol error next to a watchdog warning is kept, the warning dropped", () => {
  const kept = withoutWatchdogWarnings(`${HEADER}\n${WATCHDOG}\n${UNEXPECTED}\n`);
  expect(kept).toContain(UNEXPECTED);
  expect(kept).not.toContain("watchdog");
});
