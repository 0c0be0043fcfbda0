// What the dashboard's browser tests share: axe-core injected into the page, and where
// screenshots go (a temporary folder, or docs/screenshots with UPDATE_SCREENSHOTS=1).
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const REPO_ROOT = join(import.meta.dir, "..", "..");
const AXE_SOURCE = await Bun.file(Bun.resolveSync("axe-core/axe.min.js", import.meta.dir)).text();

/** The part of a playwright Page these helpers use (the dashboard's and loadtest's playwright-core alike). */
interface EvaluatingPage {
  evaluate(script: string): Promise<unknown>;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function accessibilityProblems(page: EvaluatingPage): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(
    "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))",
  )) as Array<{ id: string; impact: string; nodes: number }>;
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id} (${v.nodes})`);
}

/** docs/screenshots with UPDATE_SCREENSHOTS=1, else the test's own temporary folder. */
export function screenshotsDir(testDir: string): string {
  const dir = process.env.UPDATE_SCREENSHOTS ? join(REPO_ROOT, "docs", "screenshots") : testDir;
  mkdirSync(dir, { recursive: true });
  return dir;
}

export async function screenshot(page: EvaluatingPage, dir: string, name: string): Promise<void> {
  await page.screenshot({ path: join(dir, `dashboard-${name}.png`), fullPage: true });
}
