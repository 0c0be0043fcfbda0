// Answering-machine detection in front of a call's media application: the callee's first
// seconds go to the detector and the agent (its greeting included) waits for the verdict.
// human or unknown: the agent starts as usual. machine: `hangup` ends the call; `leave_message`
// waits for the beep (MessageCueWaiter), then the agent says the message and hangs up.
import { AMD_DEFAULT_TIMEOUT_MS, type AmdSettings } from "@switchboard/shared/schemas/amd";
import type { CallContext, MediaApplication, RunningApplication } from "../call-core/application.ts";
import { FRAME_MS, INTERNAL_SAMPLE_RATE_HZ } from "../media/audio-format.ts";
import { fillTemplate } from "../pipeline/prompt.ts";
import { AmdDetector, type AmdVerdict } from "./detector.ts";
import { MessageCueWaiter } from "./message-cue.ts";

export const AMD_HANGUP_CAUSES = {
  machine: "machine_detected",
  messageLeft: "machine_message_left",
} as const;

export interface AmdHooks {
  /** The verdict, once per call (the call layer writes the call.amd event). */
  onVerdict(verdict: AmdVerdict): void;
  /** Milliseconds since the call was answered. */
  sinceAnswerMs(): number;
}

export function withAmd(inner: MediaApplication, settings: AmdSettings, hooks: AmdHooks): MediaApplication {
  return {
    async start(call: CallContext): Promise<RunningApplication> {
      const timeoutMs = settings.timeout_ms ?? AMD_DEFAULT_TIMEOUT_MS;
      const detector = new AmdDetector({
        timeoutMs,
        sampleRateHz: INTERNAL_SAMPLE_RATE_HZ,
        frameMs: FRAME_MS,
      });
      let running: RunningApplication | null = null;
      let stopped = false;
      let listening = true;
      let cue: MessageCueWaiter | null = null;
      let deadline: ReturnType<typeof setTimeout> | null = null;

      const startAgent = async (agent = call.agent) => {
        listening = false;
        if (stopped) return null;
        running = await inner.start({ ...call, agent });
        if (stopped) await running.stop();
        return running;
      };

      const leaveMessage = async () => {
        const message = fillTemplate(settings.message ?? "", call.metadata).trim();
        if (!message) return call.control.hangup(AMD_HANGUP_CAUSES.machine);
        // No greeting: the message is all the machine records, then the call ends.
        const agent = await startAgent({ ...call.agent, first_message: "" });
        if (!agent?.sayGoodbye) return call.control.hangup(AMD_HANGUP_CAUSES.machine);
        agent.sayGoodbye(message, AMD_HANGUP_CAUSES.messageLeft);
      };

      const decided = (verdict: AmdVerdict) => {
        if (deadline) clearTimeout(deadline);
        hooks.onVerdict(verdict);
        if (verdict.answeredBy !== "machine") {
          startAgent().catch(() => call.control.hangup("application_error"));
          return;
        }
        if (settings.on_machine === "hangup") {
          listening = false;
          call.control.hangup(AMD_HANGUP_CAUSES.machine).catch(() => {});
          return;
        }
        cue = new MessageCueWaiter({
          sampleRateHz: INTERNAL_SAMPLE_RATE_HZ,
          frameMs: FRAME_MS,
          sinceMs: verdict.decisionMs,
        });
      };

      call.audio.onFrame((frame) => {
        if (!listening || stopped) return;
        const atMs = hooks.sinceAnswerMs();
        if (cue) {
          if (cue.push(frame, atMs)) {
            listening = false;
            leaveMessage().catch(() => call.control.hangup("application_error"));
          }
          return;
        }
        const verdict = detector.verdict ? null : detector.pushFrame(frame, atMs);
        if (verdict) decided(verdict);
      });
      // Silence sends frames too, but a line that sends none must still be decided in time.
      deadline = setTimeout(() => {
        const verdict = detector.verdict ? null : detector.tick(hooks.sinceAnswerMs());
        if (verdict) decided(verdict);
      }, timeoutMs + FRAME_MS);

      const application: RunningApplication = {
        sayGoodbye(text, cause) {
          if (running?.sayGoodbye) running.sayGoodbye(text, cause);
          else call.control.hangup(cause).catch(() => {});
        },
        async stop() {
          stopped = true;
          listening = false;
          if (deadline) clearTimeout(deadline);
          await (running as RunningApplication | null)?.stop();
        },
        usage() {
          return (running as RunningApplication | null)?.usage?.() ?? null;
        },
      };
      return application;
    },
  };
}
