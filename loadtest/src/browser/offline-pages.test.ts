// The pages the platform serves work without internet access: the embedded default (`npm
// start`) as a process, headless Chromium with every request to another host aborted and
// recorded. /docs, /demo and a customer's page with the widget show their content, and no
// request to another host is attempted at all. Screenshots of the three pages are kept;
// UPDATE_SCREENSHOTS=1 writes them to docs/screenshots.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  controlUrlOf,
  type RunningProcess,
  startProcess,
} from "@switchboard/control/src/e2e/support/processes";
import { freeTcpPort, startOnFreePort } from "@switchboard/shared/testing/ports";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { CHROMIUM_PATH } from "./chromium.ts";

const REPO_ROOT = join(import.meta.dir, "..", "..", "..");

let dir: string;
let screenshotsDir: string;
let platform: RunningProcess;
let controlOrigin: string;
let gatewayOrigin: string;
let apiKey: string;
let agentId: string;
let widgetKey: string;
let browser: Browser;
/** A customer's site on its own loopback origin (a public one may not load loopback scripts). */
let shop: ReturnType<typeof Bun.serve>;
let shopUrl: string;

interface OfflinePage {
  page: Page;
  context: BrowserContext;
  /** Every URL the page asked for that is neither the platform's nor the customer's page. */
  foreign: string[];
  /** URLs asked of the platform. */
  platformRequests: string[];
  errors: string[];
}

/** A page whose requests reach only the platform; anything else is aborted and recorded. */
async function offlinePage(): Promise<OfflinePage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const result: OfflinePage = { page, context, foreign: [], platformRequests: [], errors: [] };
  const platformOrigins = new Set([controlOrigin, gatewayOrigin]);
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    const origin = new URL(url).origin;
    if (platformOrigins.has(origin)) {
      result.platformRequests.push(url);
      return route.continue();
    }
    if (url === shopUrl) return route.continue();
    result.foreign.push(url);
    return route.abort("blockedbyclient");
  });
  // Requests that routing does not see (WebSockets, and anything else) are recorded too.
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || url.startsWith("blob:")) return;
    const origin = new URL(url).origin;
    if (!platformOrigins.has(origin) && url !== shopUrl && !result.foreign.includes(url))
      result.foreign.push(url);
  });
  page.on("websocket", (socket) => {
    if (!platformOrigins.has(new URL(socket.url().replace(/^ws/, "http")).origin))
      result.foreign.push(socket.url());
  });
  page.on("pageerror", (error) => result.errors.push(error.message));
  return result;
}

/** Waits for content to show; a failure names what the page tried to fetch elsewhere. */
async function shows(target: OfflinePage, locator: Locator, timeoutMs = 15_000): Promise<void> {
  try {
    await locator.waitFor({ state: "visible", timeout: timeoutMs });
  } catch (error) {
    throw new Error(
      `${(error as Error).message}\nblocked requests to other hosts: ${JSON.stringify(target.foreign)}\n` +
        `page errors: ${JSON.stringify(target.errors)}`,
    );
  }
}

async function api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const response = await fetch(`${controlOrigin}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as T };
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotsDir, name) });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "offline-pages-"));
  screenshotsDir = process.env.UPDATE_SCREENSHOTS ? join(REPO_ROOT, "docs", "screenshots") : dir;
  mkdirSync(screenshotsDir, { recursive: true });
  apiKey = `sk_live_${crypto.randomUUID().replaceAll("-", "")}`;
  // Control and SIP bind free ports themselves (port 0). The gateway's HTTP port is chosen
  // ahead, as GATEWAY_PUBLIC_URL must name it; taken before the bind, the start is tried again.
  let gatewayPort = 0;
  platform = await startOnFreePort(freeTcpPort, (port) => {
    gatewayPort = port;
    return startProcess(
      join(REPO_ROOT, "control", "src", "all-in-one.ts"),
      {
        DATA_DIR: dir,
        CONTROL_HOST: "127.0.0.1",
        CONTROL_PORT: "0",
        GATEWAY_PORT: String(port),
        GATEWAY_PUBLIC_URL: `http://127.0.0.1:${port}`,
        SIP_PORT: "0",
        SIP_BIND_ADDRESS: "127.0.0.1",
        INIT_API_KEY: apiKey,
        LOG_LEVEL: "warn",
      },
      /Docs\s+http/,
    );
  });
  controlOrigin = controlUrlOf(platform.output());
  gatewayOrigin = `http://127.0.0.1:${gatewayPort}`;

  const agent = await api<{ id: string }>("POST", "/agents", {
    name: "Front desk",
    first_message: "Hello, this is the front desk.",
    voice: { provider: "espeak", voice_id: "en-us" },
  });
  expect(agent.status).toBe(201);
  agentId = agent.json.id;
  shop = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    fetch: () =>
      new Response(
        `<!doctype html><html><head><meta charset="utf-8"><title>Shop</title></head>
<body style="font: 16px system-ui, sans-serif; margin: 40px"><h1>Corner Shop</h1><p>Questions? Call us from this page.</p>
<script src="${controlOrigin}/widget.js" data-agent="${agentId}" data-key="${widgetKey}" data-label="Call us"></script>
</body></html>`,
        { headers: { "content-type": "text/html; charset=utf-8" } },
      ),
  });
  shopUrl = `http://127.0.0.1:${shop.port}/`;
  const key = await api<{ key: string }>("POST", "/widget-keys", {
    name: "Shop",
    agent_ids: [agentId],
    allowed_origins: [new URL(shopUrl).origin],
  });
  expect(key.status).toBe(201);
  widgetKey = key.json.key;

  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  shop?.stop(true);
  await platform?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("pages served by the platform with every other host blocked", () => {
  test("/docs renders the API reference from control's own copy of Scalar", async () => {
    const docs = await offlinePage();
    await docs.page.goto(`${controlOrigin}/docs`);
    await shows(docs, docs.page.getByRole("heading", { name: "Switchboard API" }));
    // The sidebar lists the operations by tag; opening Agents shows its operations.
    await docs.page.getByRole("link", { name: "Agents", exact: true }).click();
    await shows(docs, docs.page.getByText("Create an agent").first());
    await screenshot(docs.page, "offline-docs.png");

    expect(docs.foreign).toEqual([]);
    expect(docs.errors).toEqual([]);
    const paths = docs.platformRequests.map((url) => new URL(url).pathname);
    expect(paths).toContain("/openapi.json");
    expect(paths.some((path) => /^\/docs\/assets\/scalar-api-reference-[\d.]+\.js$/.test(path))).toBe(true);
    await docs.context.close();
  }, 40_000);

  test("the bundle is served compressed with a long cache lifetime", async () => {
    const html = await (await fetch(`${controlOrigin}/docs`)).text();
    const src = /<script src="([^"]+)"/.exec(html)?.[1];
    expect(src).toMatch(/^\/docs\/assets\//);
    const response = await fetch(`${controlOrigin}${src}`, { headers: { "accept-encoding": "gzip" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("max-age=31536000");
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get("content-type")).toContain("javascript");
    expect((await response.text()).length).toBeGreaterThan(1_000_000);
  });

  test("/demo shows its form and lists the org's agents", async () => {
    const demo = await offlinePage();
    await demo.page.goto(`${controlOrigin}/demo`);
    await shows(demo, demo.page.getByRole("heading", { name: "Talk to an agent" }));
    await demo.page.getByLabel("API key").fill(apiKey);
    await demo.page.getByRole("button", { name: "Load agents" }).click();
    await shows(demo, demo.page.getByText("Pick an agent and call it."));
    expect(await demo.page.getByLabel("Agent").locator("option").allTextContents()).toEqual([
      `Front desk (${agentId})`,
    ]);
    await expect(demo.page.getByRole("button", { name: "Call" }).isEnabled()).resolves.toBe(true);
    await screenshot(demo.page, "offline-demo.png");

    expect(demo.foreign).toEqual([]);
    expect(demo.errors).toEqual([]);
    await demo.context.close();
  });

  test("a customer's page with the widget renders its call button", async () => {
    const customer = await offlinePage();
    await customer.page.goto(shopUrl);
    const button = customer.page.getByRole("button", { name: "Call us" });
    await shows(customer, button);
    expect(await button.isEnabled()).toBe(true);
    await screenshot(customer.page, "offline-widget.png");

    expect(customer.foreign).toEqual([]);
    expect(customer.errors).toEqual([]);
    expect(customer.platformRequests.map((url) => new URL(url).pathname)).toEqual(["/widget.js"]);
    await customer.context.close();
  });
});
