// What one call needs to reach its org's own servers and providers: the org's request signer,
// the outbound URL policy, and the agent's credentials. Built once per call from the agent
// snapshot; secrets are decrypted here and held only in the call's memory.
import type { AgentRuntimeSecrets } from "@switchboard/shared/agent";
import type { Config } from "@switchboard/shared/config";
import type { Logger } from "@switchboard/shared/logger";
import type { OutboundUrlPolicy } from "@switchboard/shared/net/outbound-url";
import { decryptSecret } from "@switchboard/shared/secrets/secret-box";
import { type RequestSigner, requestSigner } from "./signed-requests.ts";

interface CallTenant {
  signer: RequestSigner;
  urlPolicy: OutboundUrlPolicy;
  credentials: AgentRuntimeSecrets["credentials"];
}

export function callTenant(
  config: Pick<Config, "secretKey" | "dataDir" | "allowPrivateUrls">,
  call: { callId: string; agentId: string; runtime?: AgentRuntimeSecrets },
  log?: Logger,
): CallTenant {
  const ciphertexts = call.runtime?.signing_secret_ciphertexts ?? [];
  const secrets: string[] = [];
  for (const ciphertext of ciphertexts) {
    try {
      secrets.push(decryptSecret(config, ciphertext));
    } catch {
      // Requests still go out, unsigned by this secret: the customer's verification refuses
      // them, which names the problem on their side too.
      log?.error(
        { call_id: call.callId },
        "org signing secret cannot be decrypted: this gateway's SECRET_KEY differs from control's",
      );
    }
  }
  return {
    signer: requestSigner({ callId: call.callId, agentId: call.agentId, secrets }),
    urlPolicy: { allowPrivate: config.allowPrivateUrls },
    credentials: call.runtime?.credentials ?? {},
  };
}
