// The dashboard in headless Chromium against a real control process (PGlite, first run): the
// owner's set-up link from the banner, an agent made with the form, an API key created and
// revoked, a member invited who signs in and sees no API keys. Every view is checked by axe-core
// (no serious or critical violation) at laptop width, and at phone width; no request may leave
// for another host. Screenshots go to a temporary folder, or to docs/screenshots with
// UPDATE_SCREENSHOTS=1.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { BrowserContext, Page } from "playwright-core";
import { waitFor } from "../../shared/src/testing/wait-for.ts";
import {
  acceptLink,
  accessibilityProblems,
  type DashboardRun,
  PHONE,
  screenshot,
  screenshotsDir,
  startDashboard,
} from "./support.ts";

let run: DashboardRun;
let origin: string;
let ownerLink: string;
let screenshots: string;
/** The customer's webhook receiver (control posts to it; the browser never does). */
let receiver: ReturnType<typeof Bun.serve>;
const received: string[] = [];

beforeAll(async () => {
  run = await startDashboard();
  ({ origin, ownerLink } = run);
  screenshots = screenshotsDir(run.dir);
  receiver = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    async fetch(request) {
      received.push(await request.text());
      return new Response("thanks", { status: 200 });
    },
  });
}, 180_000);

afterAll(async () => {
  receiver?.stop(true);
  await run?.stop();
});

const newPage = (viewport?: { width: number; height: number }) => run.newPage(viewport);

async function check(page: Page, name: string): Promise<void> {
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, screenshots, name);
}

describe("the dashboard in a browser", () => {
  let owner: { page: Page; context: BrowserContext };
  let invitation = "";

  test("/dashboard leads to /, which serves the page with a same-origin-only policy", async () => {
    const redirect = await fetch(`${origin}/dashboard`, { redirect: "manual" });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toBe("/");
    const page = await fetch(`${origin}/`);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(await page.text()).toContain('<div id="app">');
  });

  test("the owner's set-up link from the banner: choose email and password, land on the agents", async () => {
    owner = await newPage();
    await acceptLink(owner.page, ownerLink, "owner password 1", "owner@example.test");
    await owner.page.getByText("No agents yet").waitFor();
    await check(owner.page, "agents-empty");
  });

  test("create an agent with the form, keyboard only", async () => {
    const { page } = owner;
    await page.getByRole("button", { name: "New agent" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Front desk");
    await page.getByLabel("System prompt").fill("You answer for {{business_name}}.");
    await page.getByLabel("First message").fill("Hello, front desk.");
    await page.getByLabel("First message").press("Enter");
    await page.getByText("Front desk", { exact: true }).waitFor();
    await check(page, "agents");
  });

  test("create an API key (the secret shown once) and revoke it: it stops working", async () => {
    const { page } = owner;
    await page.getByRole("link", { name: "API keys" }).click();
    await page.getByRole("heading", { name: "API keys" }).waitFor();
    await page.getByLabel("Name", { exact: true }).fill("CI");
    await page.getByRole("button", { name: "Create key" }).click();
    const secret = (await page.getByTestId("secret").textContent())!;
    expect(secret).toMatch(/^sk_live_\w+$/);
    const before = await fetch(`${origin}/api/v1/agents`, { headers: { authorization: `Bearer ${secret}` } });
    expect(before.status).toBe(200);
    await check(page, "api-keys");
    await page.getByRole("button", { name: "Revoke CI" }).click();
    await page.getByRole("row", { name: /CI.*revoked/ }).waitFor();
    const after = await fetch(`${origin}/api/v1/agents`, { headers: { authorization: `Bearer ${secret}` } });
    expect(after.status).toBe(401);
  });

  test("add a webhook endpoint (secret shown once), send a test and see its delivery", async () => {
    const { page } = owner;
    await page.getByRole("link", { name: "Webhooks" }).click();
    await page.getByText("No endpoints.").waitFor();
    const url = `http://127.0.0.1:${receiver.port}/hooks`;
    await page.getByLabel("Endpoint URL").fill(url);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    expect(await page.getByTestId("secret").textContent()).toMatch(/^whsec_/);
    await page.getByRole("button", { name: "Send test" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /^Test event succeeded: 200 in \d+ ms$/ })
      .waitFor();
    expect(received.some((body) => body.includes("webhook.test"))).toBe(true);
    // The delivery log lists it with the receiver's answer, its body included.
    await page.getByRole("cell", { name: "webhook.test", exact: true }).waitFor();
    await page.getByRole("cell", { name: /^200/ }).waitFor();
    expect(await page.getByTestId("response-body").allTextContents()).toEqual(["thanks"]);
    // Redeliver queues the same event again; the worker sends it and the log shows both.
    const sentBefore = received.length;
    await page.getByRole("button", { name: /^Redeliver webhook\.test/ }).click();
    await page.getByRole("status").filter({ hasText: "webhook.test queued again." }).waitFor();
    const rows = page.locator("tr[data-delivery]");
    await waitFor("the redelivery to succeed in the log", async () => {
      const statuses = await rows.locator("td:nth-child(2)").allTextContents();
      return statuses.length === 2 && statuses.every((status) => status === "succeeded");
    });
    expect(await page.getByTestId("response-body").allTextContents()).toEqual(["thanks", "thanks"]);
    expect(received.length).toBe(sentBefore + 1);
    expect(received.at(-1)).toBe(received[sentBefore - 1]);
    await check(page, "webhooks");
  }, 45_000);

  test("credits: the balance and the ledger", async () => {
    const { page } = owner;
    await page.getByRole("link", { name: "Credits" }).click();
    await page.getByTestId("balance").waitFor();
    expect(await page.getByTestId("balance").textContent()).toMatch(/^\$\d+\.\d{2}$/);
    await page.getByRole("heading", { name: "Transactions" }).waitFor();
    await page.waitForLoadState("networkidle");
    const cents = (text: string | null) => Math.round(Number(text!.slice(1)) * 100);
    const balanceBefore = cents(await page.getByTestId("balance").textContent());
    // The embedded single-org default buys credits at once (SELF_SERVE_CREDITS): 201, balance up.
    await page.getByLabel("Amount ($)").fill("25");
    await page.getByLabel("Amount ($)").press("Enter");
    await page
      .getByRole("status")
      .filter({ hasText: /^Bought \$25\.00\. Balance \$\d+\.\d{2}\.$/ })
      .waitFor();
    await page.getByRole("cell", { name: "Credit purchase via self_hosted" }).waitFor();
    await waitFor(
      "the balance to show the purchase",
      async () => cents(await page.getByTestId("balance").textContent()) === balanceBefore + 2500,
    );
    await check(page, "credits");
  });

  test("calls: the empty list with its filters", async () => {
    const { page } = owner;
    await page.getByRole("link", { name: "Calls" }).click();
    await page.getByText("No calls match.").waitFor();
    await page.getByLabel("Status").selectOption("completed");
    await page.getByText("No calls match.").waitFor();
    await check(page, "calls-empty");
  });

  test("invite a member: the link is shown to the inviter", async () => {
    const { page } = owner;
    await page.getByRole("link", { name: "Members" }).click();
    await page.getByLabel("Email").fill("member@example.test");
    await page.getByRole("button", { name: "Invite" }).click();
    invitation = (await page.getByTestId("secret").textContent())!;
    expect(invitation).toStartWith(`${origin}/#/accept/sbl_`);
    await page.getByRole("cell", { name: "owner@example.test", exact: true }).waitFor();
    await check(page, "members");
  });

  test("the member signs in with the link, then with the password, and sees no API keys", async () => {
    const member = await newPage();
    await acceptLink(member.page, invitation, "member password 1");
    await member.page.getByRole("button", { name: "Sign out" }).click();
    await member.page.getByRole("heading", { name: "Sign in to Switchboard" }).waitFor();
    await check(member.page, "sign-in");
    await member.page.getByLabel("Email").fill("member@example.test");
    await member.page.getByLabel("Password").fill("member password 1");
    await member.page.getByRole("button", { name: "Sign in" }).click();
    await member.page.getByText("Front desk", { exact: true }).waitFor();
    expect(await member.page.getByRole("link", { name: "API keys" }).count()).toBe(0);
    await member.page.goto(`${origin}/#/api-keys`);
    await member.page.getByText("Only owners and admins manage API keys.").waitFor();
    const denied = await member.page.evaluate(async () => (await fetch("/api/v1/api-keys")).status);
    expect(denied).toBe(403);
    await member.context.close();
  });

  test("the owner changes the member's role, then removes them", async () => {
    const { page } = owner;
    // The members view loads afresh (the member joined after it was last shown).
    await page.getByRole("link", { name: "Agents" }).click();
    await page.getByRole("link", { name: "Members" }).click();
    const role = page.getByLabel("Role of member@example.test");
    await role.selectOption("admin", { timeout: 5000 });
    const listed = async () =>
      page.evaluate(
        async () =>
          ((await (await fetch("/api/v1/users")).json()) as { data: Array<{ email: string; role: string }> })
            .data,
      );
    // The change is saved by the PATCH the select sends: the API answers with the new role.
    await waitFor(
      "the member's new role",
      async () =>
        (await listed()).some((user) => user.email === "member@example.test" && user.role === "admin"),
      { timeoutMs: 10_000, intervalMs: 100 },
    );
    await check(page, "members-roles");
    await page.getByRole("button", { name: "Remove member@example.test" }).click({ timeout: 5000 });
    await page
      .getByRole("cell", { name: "member@example.test", exact: true })
      .waitFor({ state: "detached", timeout: 5000 });
    expect((await listed()).map((user) => user.email)).toEqual(["owner@example.test"]);
  });

  test("a wrong password shows the API's answer", async () => {
    const { page, context } = await newPage();
    await page.goto(origin);
    await page.getByLabel("Email").fill("member@example.test");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "Wrong email or password." }).waitFor();
    await context.close();
  });

  test("at phone width the views fit the screen and pass the same checks", async () => {
    await owner.page.setViewportSize(PHONE);
    for (const view of ["agents", "api-keys", "members", "calls", "webhooks", "credits"]) {
      await owner.page.goto(`${origin}/#/${view}`);
      await owner.page.locator("h1").first().waitFor();
      await owner.page.waitForLoadState("networkidle");
      const overflow = await owner.page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await check(owner.page, `${view}-phone`);
    }
    await owner.context.close();
  });

  test("no page asked for anything from another host", () => {
    expect(run.foreign).toEqual([]);
  });
});
