import type { RunningControl } from "./server.ts";

/** What an operator needs after start: where the API and docs are, and a new key once. */
export function printBanner(control: RunningControl, gatewayLines: string[] | null): void {
  const lines = [
    "",
    "  Switchboard is running",
    `  Web      ${control.url}/`,
    `  API      ${control.url}/api/v1`,
    `  Docs     ${control.url}/docs`,
    `  OpenAPI  ${control.url}/openapi.json`,
    `  Storage  ${control.database.kind === "pglite" ? `embedded PGlite in ${control.ctx.config.dataDir}` : "PostgreSQL"}`,
    `  Bus      ${control.ctx.bus.kind === "memory" ? "in-process" : "Redis"}`,
    ...(gatewayLines ?? []),
  ];
  if (control.generatedOwnerKey) {
    lines.push(
      "",
      "  Your owner API key (shown once; store it now):",
      `    ${control.generatedOwnerKey}`,
      "",
      `  Try: curl ${control.url}/api/v1/agents -H "Authorization: Bearer ${control.generatedOwnerKey}"`,
    );
  }
  if (control.ownerSignInUrl) {
    lines.push(
      "",
      "  Set up the owner's dashboard sign-in (one-time link, valid 7 days):",
      `    ${control.ownerSignInUrl}`,
    );
  }
  process.stdout.write(`${lines.join("\n")}\n\n`);
}
