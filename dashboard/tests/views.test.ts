// The numbers, knowledge, analytics, settings and operator views in headless Chromium against a
// real control process (PGlite, first run, an inventory of three numbers, the repo's tiny
// embedding model, an operator key): buy a number and attach an agent, upload a file by drag and
// drop and by the file picker and find it with a test search, rotate the signing secret, add and
// delete a provider credential, try to buy credits without a payment provider, unlock the
// operator view and grant an org credits. Each view
// passes axe-core (no serious or critical violation) at laptop and phone width, with loading and
// empty states on the way; no request leaves for another host.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { writeTestModel } from "../../shared/src/embeddings/test-model.ts";
import {
  acceptLink,
  accessibilityProblems,
  type DashboardRun,
  PHONE,
  screenshot,
  screenshotsDir,
  startDashboard,
} from "./support.ts";

const ADMIN_API_KEY = `sk_admin_${crypto.randomUUID().replaceAll("-", "")}`;
const INVENTORY = "+14155550101,+14155550102,+12125550103";
const FACT = "The garden terrace opens at noon on Sundays and seats forty guests.";

let run: DashboardRun;
let modelDir: string;
let screenshots: string;
let owner: { page: Page; context: BrowserContext };

beforeAll(async () => {
  modelDir = mkdtempSync(join(tmpdir(), "dashboard-model-"));
  const model = writeTestModel(modelDir);
  run = await startDashboard({
    NUMBER_INVENTORY: INVENTORY,
    ADMIN_API_KEY,
    EMBEDDING_MODEL: model.embeddingModel,
    MODELS_DIR: model.modelsDir,
    RATE_LIMIT_PER_MINUTE: "10000",
  });
  screenshots = screenshotsDir(run.dir);
  const agent = await fetch(`${run.origin}/api/v1/agents`, {
    method: "POST",
    headers: { authorization: `Bearer ${run.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "Front desk", system_prompt: "You answer for the restaurant." }),
  });
  expect(agent.status).toBe(201);
  // Numbers are paid from credits: the operator grants the org some.
  const org = (await (
    await fetch(`${run.origin}/api/v1/org`, { headers: { authorization: `Bearer ${run.apiKey}` } })
  ).json()) as { id: string };
  const grant = await fetch(`${run.origin}/api/v1/admin/orgs/${org.id}/credits`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN_API_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ amount_cents: 10_000, reason: "test numbers" }),
  });
  expect(grant.status).toBe(201);
  owner = await run.newPage();
  await acceptLink(owner.page, run.ownerLink, "owner password 1", "owner@example.test");
}, 240_000);

afterAll(async () => {
  await run?.stop();
  if (modelDir) rmSync(modelDir, { recursive: true, force: true });
});

async function check(page: Page, name: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, screenshots, name);
}

async function open(view: string, heading: string): Promise<Page> {
  const { page } = owner;
  await page.getByRole("link", { name: heading, exact: true }).click();
  await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
  expect(page.url()).toEndWith(`#/${view}`);
  return page;
}

describe("the remaining views in a browser", () => {
  test("numbers: empty, search by area code, buy, attach the agent, forward, release", async () => {
    const page = await open("numbers", "Numbers");
    await page.getByText("No numbers yet.").waitFor();
    await page.getByLabel("Area code").fill("415");
    await page.getByLabel("Area code").press("Enter");
    const offers = page.getByRole("table", { name: "Available numbers" });
    await offers.getByRole("cell", { name: "+14155550101", exact: true }).waitFor();
    expect(await offers.getByRole("cell", { name: "+12125550103", exact: true }).count()).toBe(0);
    await page.getByRole("button", { name: "Buy +14155550101" }).click();
    await page.getByRole("status").filter({ hasText: "Bought +14155550101." }).waitFor();
    const agentSelect = page.getByLabel("Agent answering +14155550101");
    await agentSelect.selectOption({ label: "Front desk" });
    await page.getByRole("status").filter({ hasText: "+14155550101 is answered by Front desk." }).waitFor();
    const owned = async () =>
      (
        (await (
          await fetch(`${run.origin}/api/v1/phone-numbers`, {
            headers: { authorization: `Bearer ${run.apiKey}` },
          })
        ).json()) as { data: Array<{ phone_number: string; agent_id: string | null; forwarding: unknown }> }
      ).data;
    expect((await owned())[0]?.agent_id).toStartWith("agt_");
    await page.getByLabel("Forward to").fill("+14155550199");
    await page.getByLabel("When").selectOption("no_credits");
    await page.getByRole("button", { name: "Save forwarding" }).click();
    await page.getByRole("status").filter({ hasText: "Forwarding of +14155550101 saved." }).waitFor();
    expect((await owned())[0]?.forwarding).toEqual({ forward_to: "+14155550199", mode: "no_credits" });
    await check(page, "numbers");
    // A second number, released again: it leaves the list and the org.
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("button", { name: "Buy +14155550102" }).click();
    await page.getByRole("heading", { name: "+14155550102" }).waitFor();
    await page.getByRole("button", { name: "Release +14155550102" }).click();
    await page.getByRole("heading", { name: "+14155550102" }).waitFor({ state: "detached" });
    expect((await owned()).map((n) => n.phone_number)).toEqual(["+14155550101"]);
  }, 60_000);

  test("knowledge: empty, a file dropped and one picked, ingested to ready, found by a test search", async () => {
    const page = await open("knowledge", "Knowledge");
    await page.getByText("No sources yet.").waitFor();
    await check(page, "knowledge-empty");
    // Drag and drop: the drop zone receives a DataTransfer holding a file, as a dragged file arrives.
    const transfer = await page.evaluateHandle((fact) => {
      const data = new DataTransfer();
      data.items.add(new File([fact], "terrace.txt", { type: "text/plain" }));
      return data;
    }, FACT);
    await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer: transfer });
    await page.getByRole("status").filter({ hasText: "Uploaded terrace.txt." }).waitFor();
    await page.getByLabel("Upload files").setInputFiles({
      name: "parking.md",
      mimeType: "text/markdown",
      buffer: Buffer.from("# Parking\n\nGuests park free of charge behind the building after six."),
    });
    await page.getByRole("status").filter({ hasText: "Uploaded parking.md." }).waitFor();
    // The list polls while sources are ingested, until both are ready.
    await page.getByTestId("status-terrace.txt").getByText("ready").waitFor({ timeout: 30_000 });
    await page.getByTestId("status-parking.md").getByText("ready").waitFor({ timeout: 30_000 });
    await page.getByLabel("Question").fill("When does the garden terrace open?");
    await page.getByLabel("Question").press("Enter");
    await page.locator(".passages li").first().waitFor();
    expect(await page.locator(".passages").textContent()).toContain("garden terrace opens at noon");
    await check(page, "knowledge");
  }, 90_000);

  test("knowledge: a text source added with the form, and a bad URL answered by the API", async () => {
    const page = owner.page;
    await page.getByLabel("Title").fill("Hours");
    await page.getByLabel("Content").fill("We are open from five until eleven every evening.");
    await page.getByRole("button", { name: "Add source" }).click();
    await page.getByTestId("status-Hours").waitFor();
    await page.getByLabel("Web page").check();
    await page.getByLabel("Page URL").fill("ftp://example.test/menu");
    await page.getByRole("button", { name: "Add source" }).click();
    await page.getByRole("alert").first().waitFor();
  });

  test("analytics: no calls yet is the empty state, with the totals at zero", async () => {
    const page = await open("analytics", "Analytics");
    await page.getByTestId("total-calls").getByText("0").waitFor();
    await page.getByText("No calls in this window yet.").waitFor();
    await page.getByLabel("Window").selectOption("7");
    await page.getByText("No calls in this window yet.").waitFor();
    await check(page, "analytics-empty");
  });

  test("credits: with an operator and no payment provider, a purchase shows the API's 402", async () => {
    const page = await open("credits", "Credits");
    await page.getByTestId("balance").waitFor();
    const balance = await page.getByTestId("balance").textContent();
    await page.getByLabel("Amount ($)").fill("25");
    await page.getByRole("button", { name: "Buy credits" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: /^Credits cannot be bought on this platform: no payment provider is configured\./ })
      .waitFor();
    expect(await page.getByTestId("balance").textContent()).toBe(balance);
    const ledger = await fetch(`${run.origin}/api/v1/credits/transactions`, {
      headers: { authorization: `Bearer ${run.apiKey}` },
    });
    const kinds = ((await ledger.json()) as { data: { kind: string }[] }).data.map((entry) => entry.kind);
    expect(kinds).not.toContain("purchase");
    await check(page, "credits-no-provider");
  });

  test("settings: the org, the signing secret rotated (shown once), a provider credential added and deleted", async () => {
    const page = await open("settings", "Settings");
    const prefix = await page.getByTestId("signing-prefix").textContent();
    expect(prefix).toMatch(/^whsec_\S+…$/);
    await page.getByText("No credentials").waitFor();
    await page.getByRole("button", { name: "Rotate signing secret" }).click();
    const secret = (await page.getByTestId("secret").textContent())!;
    expect(secret).toMatch(/^whsec_/);
    await page.waitForFunction(
      (old) => document.querySelector("[data-testid=signing-prefix]")?.textContent !== old,
      prefix,
    );
    expect(secret).toStartWith((await page.getByTestId("signing-prefix").textContent())!.replace("…", ""));

    await page.getByRole("combobox", { name: /^Provider/ }).selectOption("openai_compatible");
    await page.getByLabel("Credential name").fill("Team LLM");
    await page.getByLabel("Provider API key").fill("sk-team-0123456789abcdef");
    await page.getByLabel("Base URL").fill("http://127.0.0.1:9/v1");
    await page.getByRole("button", { name: "Add credential" }).click();
    const row = page.getByRole("row", { name: /Team LLM/ });
    await row.waitFor();
    // The key is shown by its prefix only.
    expect(await row.textContent()).not.toContain("sk-team-0123456789abcdef");
    await check(page, "settings");
    await page.getByRole("button", { name: "Delete Team LLM" }).click();
    await page.getByText("No credentials").waitFor();
  });

  test("operator: a wrong key is refused; the right one lists the orgs, creates one, sets its cap and grants credits", async () => {
    const page = await open("operator", "Operator");
    await page.getByLabel("Operator key").fill(`sk_admin_${"0".repeat(32)}`);
    await page.getByRole("button", { name: "Unlock" }).click();
    await page.getByRole("alert").filter({ hasText: "Invalid admin API key." }).waitFor();
    await check(page, "operator-locked");
    await page.getByLabel("Operator key").fill(ADMIN_API_KEY);
    await page.getByLabel("Operator key").press("Enter");
    await page.getByRole("heading", { name: "Orgs" }).waitFor();
    // Control runs here without a gateway: the health section says so.
    await page.getByRole("heading", { name: "Platform health" }).waitFor();
    await page.getByText("No gateway has announced itself").waitFor();
    await page.getByLabel("New org name").fill("Tenant Two");
    await page.getByRole("button", { name: "Create org" }).click();
    await page.getByRole("heading", { name: "Tenant Two" }).waitFor();
    await page.getByLabel("Concurrent calls of Tenant Two").fill("7");
    await page.getByLabel("Concurrent calls of Tenant Two").press("Enter");
    await page.getByRole("status").filter({ hasText: "Tenant Two may now hold 7 calls at once." }).waitFor();
    await page.getByLabel("Credit grant for Tenant Two ($)").fill("12.50");
    await page.getByLabel("Reason for Tenant Two").fill("launch credit");
    await page.getByLabel("Reason for Tenant Two").press("Enter");
    await page.getByTestId("balance-Tenant Two").getByText("$12.50").waitFor();
    const orgs = (await (
      await fetch(`${run.origin}/api/v1/admin/orgs`, {
        headers: { authorization: `Bearer ${ADMIN_API_KEY}` },
      })
    ).json()) as { data: Array<{ name: string; max_concurrent_calls: number; balance_cents: number }> };
    expect(orgs.data).toContainEqual(
      expect.objectContaining({ name: "Tenant Two", max_concurrent_calls: 7, balance_cents: 1250 }),
    );
    await check(page, "operator");
  });

  test("the agent form: every block set from the keyboard, saved, read back; edit and duplicate", async () => {
    const credential = await fetch(`${run.origin}/api/v1/provider-credentials`, {
      method: "POST",
      headers: { authorization: `Bearer ${run.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ provider: "openai", api_key: "sk-agent-form-0123456789", name: "Agent key" }),
    });
    expect(credential.status).toBe(201);
    const credentialId = ((await credential.json()) as { id: string }).id;
    const page = await open("agents", "Agents");
    page.setDefaultTimeout(10_000);
    await page.getByRole("button", { name: "New agent" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Bookings");
    await page.getByLabel("System prompt").fill("You book tables for {{customer_name}} at {{venue}}.");
    await page.getByLabel("First message").fill("Hello {{customer_name}}!");
    await page.getByTestId("variables").getByText("{{customer_name}}, {{venue}}").waitFor();
    await page.getByText("Providers, turn-taking, tools, knowledge and analysis").click();
    await page.getByLabel("LLM model").fill("gpt-4o-mini");
    await page.getByLabel("Temperature").fill("0.3");
    await page
      .getByRole("combobox", { name: /^LLM credential/ })
      .selectOption({ label: "Agent key (openai)" });
    await page.getByRole("combobox", { name: /^Voice provider/ }).selectOption("flite");
    await page.getByRole("textbox", { name: /^Voice e\.g\./ }).fill("slt");
    await page.getByRole("combobox", { name: /^End of turn/ }).selectOption("adaptive");
    await page.getByLabel("Minimum silence (ms)").fill("300");
    await page.getByLabel("Maximum silence (ms)").fill("900");
    await page.getByLabel("Minimum speech to interrupt (ms)").fill("250");
    await page.getByLabel("May end the call (built-in end_call)").check();
    await page.getByRole("combobox", { name: /^Sources used/ }).selectOption("selected");
    await page.getByLabel("Hours", { exact: true }).check();
    await page.getByLabel("Write a summary").check();
    await page.getByLabel("Success criteria").fill("A table was booked.");
    await page.getByLabel("Data to extract (JSON Schema)").fill("{ not json");
    await page.getByRole("button", { name: "Create agent" }).click();
    await page.getByRole("alert").filter({ hasText: "The data schema is not valid JSON." }).waitFor();
    await page
      .getByLabel("Data to extract (JSON Schema)")
      .fill('{"type":"object","properties":{"party_size":{"type":"integer"}}}');
    await check(page, "agent-form");
    await page.getByRole("button", { name: "Create agent" }).click();
    await page.getByRole("cell", { name: /^Bookings/ }).waitFor();

    const agents = async () =>
      (
        (await (
          await fetch(`${run.origin}/api/v1/agents?limit=100`, {
            headers: { authorization: `Bearer ${run.apiKey}` },
          })
        ).json()) as { data: Array<Record<string, unknown> & { id: string; name: string }> }
      ).data;
    const saved = (await agents()).find((agent) => agent.name === "Bookings")!;
    expect(saved).toMatchObject({
      first_message: "Hello {{customer_name}}!",
      llm: { model: "gpt-4o-mini", temperature: 0.3, credential_id: credentialId },
      voice: { provider: "flite", voice_id: "slt" },
      turn: { mode: "adaptive", min_silence_ms: 300, max_silence_ms: 900 },
      interruptions: { min_speech_ms: 250 },
      knowledge: { mode: "selected" },
      analysis: {
        summary: true,
        success_criteria: "A table was booked.",
        schema: { type: "object", properties: { party_size: { type: "integer" } } },
      },
    });
    expect((saved.tools as Array<{ type: string }>).map((tool) => tool.type)).toEqual(["end_call"]);
    expect((saved.knowledge as { source_ids: string[] }).source_ids).toHaveLength(1);

    // Edit: realtime mode on, saved with PATCH.
    await page.getByRole("button", { name: "Edit Bookings" }).click();
    await page.getByText("Providers, turn-taking, tools, knowledge and analysis").click();
    await page.getByLabel("Speech-to-speech model").check();
    await page.getByLabel("Realtime voice").fill("cedar");
    await page.getByRole("button", { name: "Save agent" }).click();
    await page.getByRole("form", { name: "Edit Bookings" }).waitFor({ state: "detached" });
    const edited = (await agents()).find((agent) => agent.id === saved.id)!;
    expect(edited.realtime).toMatchObject({ provider: "openai", model: "gpt-realtime", voice: "cedar" });

    // Duplicate: a new agent with the same settings.
    await page.getByRole("button", { name: "Duplicate Bookings" }).click();
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("Bookings (copy)");
    await page.getByRole("button", { name: "Create agent" }).click();
    await page.getByRole("cell", { name: /^Bookings \(copy\)/ }).waitFor();
    const copy = (await agents()).find((agent) => agent.name === "Bookings (copy)")!;
    expect(copy.id).not.toBe(saved.id);
    expect(copy).toMatchObject({ realtime: edited.realtime, turn: edited.turn, analysis: edited.analysis });
    page.setDefaultTimeout(30_000);
  }, 90_000);

  test("at phone width the new views fit the screen and pass the same checks", async () => {
    await owner.page.setViewportSize(PHONE);
    for (const view of ["numbers", "knowledge", "analytics", "settings", "operator", "agents"]) {
      await owner.page.goto(`${run.origin}/#/${view}`);
      await owner.page.locator("h1").first().waitFor();
      await owner.page.waitForLoadState("networkidle");
      const overflow = await owner.page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await check(owner.page, `${view}-phone`);
    }
  }, 60_000);

  test("no page asked for anything from another host", () => {
    expect(run.foreign).toEqual([]);
  });
});
