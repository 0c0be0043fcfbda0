import { expect, test } from "bun:test";
import { spokenAnswer } from "./spoken-answer.ts";

test("a yes accepts, a no declines (a no wins over a yes), anything else decides nothing", () => {
  expect(spokenAnswer("Yes, put them through.")).toBe(true);
  expect(spokenAnswer("okay")).toBe(true);
  expect(spokenAnswer("No, not now.")).toBe(false);
  expect(spokenAnswer("Yes, well, no, I cannot.")).toBe(false);
  expect(spokenAnswer("Who is calling?")).toBe(null);
  expect(spokenAnswer("I know")).toBe(null);
});
