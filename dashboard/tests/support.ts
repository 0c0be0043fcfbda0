// What the dashboard's browser tests share: a control process with Chromium to drive it,
// axe-core injected into the page, and where screenshots go (a temporary folder, or
// docs/screenshots with UPDATE_SCREENSHOTS=1).
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { controlUrlOf, startProcess } from "../../control/src/e2e/support/processes.ts";

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

/** A real control process (PGlite in a temporary folder, first run) and headless Chromium to drive it. */
export interface DashboardRun {
  dir: string;
  origin: string;
  /** The owner's API key (INIT_API_KEY), for set-up the journey itself does not show. */
  apiKey: string;
  /** The owner's one-time set-up link from control's banner. */
  ownerLink: string;
  /** Everything control printed so far. */
  output(): string;
  /** Requests from the pages to any other host (aborted). */
  foreign: string[];
  /** A browser profile of its own (its own cookie), at laptop width unless told. */
  newPage(viewport?: { width: number; height: number }): Promise<{ page: Page; context: BrowserContext }>;
  stop(): Promise<void>;
}

export const LAPTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export async function startDashboard(env: Record<string, string> = {}): Promise<DashboardRun> {
  const dir = mkdtempSync(join(tmpdir(), "dashboard-"));
  const apiKey = `sk_live_${crypto.randomUUID().replaceAll("-", "")}`;
  const control = await startProcess(
    join(REPO_ROOT, "control", "src", "main.ts"),
    {
      DATA_DIR: dir,
      CONTROL_HOST: "127.0.0.1",
      CONTROL_PORT: "0",
      LOG_LEVEL: "warn",
      ALLOW_PRIVATE_URLS: "true",
      INIT_API_KEY: apiKey,
      ...env,
    },
    /(http:\/\/\S+\/#\/accept\/sbl_\w+)/,
    // PGlite's first start with every migration: slow on a busy machine.
    150_000,
  );
  const origin = controlUrlOf(control.output());
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const foreign: string[] = [];
  return {
    dir,
    origin,
    apiKey,
    ownerLink: control.match[1]!,
    output: () => control.output(),
    foreign,
    async newPage(viewport = LAPTOP) {
      const context = await browser.newContext({ viewport });
      await context.route("**/*", (route) => {
        const url = route.request().url();
        if (new URL(url).origin === origin) return route.continue();
        foreign.push(url);
        return route.abort("blockedbyclient");
      });
      const page = await context.newPage();
      page.on("dialog", (dialog) => dialog.accept());
      return { page, context };
    },
    async stop() {
      await browser.close();
      await control.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Follows a set-up, invitation or reset link: chooses the password (and email) and lands on the agents. */
export async function acceptLink(page: Page, link: string, password: string, email?: string): Promise<void> {
  await page.goto(link);
  await page.getByRole("heading", { name: "Choose your password" }).waitFor();
  if (email) await page.getByLabel("Email").fill(email);
  await page.getByLabel("New password").fill(password);
  await page.getByRole("button", { name: "Save and sign in" }).click();
  await page.getByRole("heading", { name: "Agents" }).waitFor();
}
