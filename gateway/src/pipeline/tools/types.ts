import type { AgentTool } from "@switchboard/shared/agent";
import type { Logger } from "@switchboard/shared/logger";
import type { CallControl, CallReporter } from "../../call-core/application.ts";
import type { ToolDefinition } from "../../providers/types.ts";
import type { WarmTransferResult } from "../../warm-transfer/warm-transfer.ts";

export interface ToolContext {
  /** Aborted when the caller interrupts or the call ends. */
  signal: AbortSignal;
  /** Sends DTMF digits to the caller (RFC 4733 on SIP calls). */
  sendDtmf(digits: string): Promise<void>;
  control: CallControl;
  /** Resolves once everything the agent has said so far has been played to the caller. */
  waitForSpeech(): Promise<void>;
  /** Says a filler line to the caller while the tool is still working; absent: nothing is said. */
  sayWhileWaiting?(text: string): void;
  logger: Logger | null;
  /**
   * Warm transfer (hold, dial, brief, bridge), run by the application that owns the call's
   * audio; absent: not available on this call.
   */
  warmTransfer?(request: WarmTransferToolRequest, signal: AbortSignal): Promise<WarmTransferResult>;
  /** What the call reports to control (the do-not-call request); absent: the tool is not available here. */
  reporter?: CallReporter;
}

export interface ToolResult {
  /** Fed back to the model as the tool message. */
  content: string;
  /** Hang up with this cause once the turn's speech has been played; the model is not called again. */
  hangupCause?: string;
  /** The call was handed over to a person (an accepted warm transfer): the agent says nothing more. */
  handedOver?: boolean;
}

export interface WarmTransferToolRequest {
  destination: string;
  /** What the model wants the briefing to stress, besides the tool's own prompt. */
  briefingPrompt: string | null;
  /** The tool's settings (briefing prompt, hold message, timeout, after_bridge, sip_headers). */
  tool: AgentTool;
}

export interface PipelineTool {
  definition: ToolDefinition;
  execute(args: Record<string, unknown>, context: ToolContext): Promise<ToolResult>;
}

export function jsonResult(value: unknown): ToolResult {
  return { content: JSON.stringify(value) };
}
