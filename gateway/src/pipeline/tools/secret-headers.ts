// A tool's `secret_headers`: values filled from the org's provider credentials, which the agent
// snapshot carries encrypted. They are decrypted when the call's tools are built and live only
// in the call's memory; no log line holds them.
import type { AgentRuntimeSecrets, AgentTool } from "@switchboard/shared/agent";
import type { Config } from "@switchboard/shared/config";
import { decryptSecret } from "@switchboard/shared/secrets/secret-box";

const SECRET_PLACEHOLDER = "{{secret}}";
/** A value the gateway sends in a header: one line (the schema checks templates; keys too). */
const SINGLE_LINE = /^[^\r\n]*$/;

/** A credential's key in clear, or null when the snapshot lacks it or it cannot be decrypted. */
export type ToolSecretSource = (credentialId: string) => string | null;

export function toolSecretSource(
  config: Pick<Config, "secretKey" | "dataDir">,
  runtime: AgentRuntimeSecrets | undefined,
): ToolSecretSource {
  const credentials = runtime?.tool_credentials ?? {};
  return (credentialId) => {
    const ciphertext = credentials[credentialId]?.api_key_ciphertext;
    if (!ciphertext) return null;
    try {
      return decryptSecret(config, ciphertext);
    } catch {
      return null;
    }
  };
}

/**
 * The tool with its secret headers filled into `headers`, or the reason it cannot be called
 * (a credential gone, or encrypted with another SECRET_KEY).
 */
export function withSecretHeaders(
  tool: AgentTool,
  secrets: ToolSecretSource | undefined,
): { ok: true; tool: AgentTool } | { ok: false; reason: string } {
  const entries = Object.entries(tool.secret_headers ?? {});
  if (entries.length === 0) return { ok: true, tool };
  const headers: Record<string, string> = { ...tool.headers };
  for (const [name, header] of entries) {
    const secret = secrets?.(header.credential_id) ?? null;
    if (secret === null || !SINGLE_LINE.test(secret))
      return {
        ok: false,
        reason: `the credential ${header.credential_id} of header ${name} is not available`,
      };
    headers[name] = (header.template ?? SECRET_PLACEHOLDER).replace(SECRET_PLACEHOLDER, secret);
  }
  return { ok: true, tool: { ...tool, headers } };
}
