import type { Logger } from "@switchboard/shared/logger";
import type { CallControl, CallReporter } from "../../call-core/application.ts";
import type { ToolDefinition } from "../../providers/types.ts";

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
  /** What the call reports to control (the do-not-call request); absent: the tool is not available here. */
  reporter?: CallReporter;
}

export interface ToolResult {
  /** Fed back to the model as the tool message. */
  content: string;
  /** Hang up with this cause once the turn's speech has been played; the model is not called again. */
  hangupCause?: string;
}

export interface PipelineTool {
  definition: ToolDefinition;
  execute(args: Record<string, unknown>, context: ToolContext): Promise<ToolResult>;
}

export function jsonResult(value: unknown): ToolResult {
  return { content: JSON.stringify(value) };
}
