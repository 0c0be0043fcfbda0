// Answering-machine detection in front of a call's media application. The callee's first
// seconds (their audio, and their words when a transcription is given) go to the detector.
// The agent starts at the verdict human or unknown, or earlier, as soon as the callee sounds
// like a person waiting for us (a short greeting, then a pause): detection then goes on in the
// background until its verdict. machine: `hangup` ends the call; `leave_message` stops an agent
// already speaking, waits for the beep (MessageCueWaiter), then says the message and hangs up.
import { AMD_DEFAULT_TIMEOUT_MS, type AmdSettings } from "@switchboard/shared/schemas/amd";
import type { CallContext, MediaApplication, RunningApplication } from "../call-core/application.ts";
import { FRAME_MS, INTERNAL_SAMPLE_RATE_HZ } from "../media/audio-format.ts";
import { fillTemplate } from "../pipeline/prompt.ts";
import { AmdDetector, type AmdVerdict } from "./detector.ts";
import { MessageCueWaiter } from "./message-cue.ts";
import { type AmdTranscription, TranscriptFeed } from "./transcript-feed.ts";

export const AMD_HANGUP_CAUSES = {
  machine: "machine_detected",
  messageLeft: "machine_message_left",
} as const;

export interface AmdHooks {
  /** The verdict, once per call (the call layer writes the call.amd event). */
  onVerdict(verdict: AmdVerdict): void;
  /** Milliseconds since the call was answered. */
  sinceAnswerMs(): number;
  /** The callee's words for phrase evidence ("leave a message"); absent: audio alone. */
  transcription?: AmdTranscription;
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
      let agent: Promise<RunningApplication | null> | null = null;
      /** The agent once started (and not silenced since). */
      let latest: RunningApplication | null = null;
      let stopped = false;
      let listening = true;
      let cue: MessageCueWaiter | null = null;
      let deadline: ReturnType<typeof setTimeout> | null = null;
      const feed = hooks.transcription
        ? new TranscriptFeed(
            hooks.transcription(call, (text) => {
              const verdict =
                listening && !detector.verdict ? detector.pushTranscript(text, hooks.sinceAnswerMs()) : null;
              if (verdict) decided(verdict);
            }),
          )
        : null;

      const startAgent = (withAgent = call.agent): Promise<RunningApplication | null> => {
        if (stopped) return Promise.resolve(null);
        const starting: Promise<RunningApplication | null> = inner
          .start({ ...call, agent: withAgent })
          .then(async (running) => {
            if (stopped) await running.stop();
            else if (agent === starting) latest = running;
            return running;
          });
        starting.catch(() => call.control.hangup("application_error").catch(() => {}));
        agent = starting;
        return starting;
      };

      const leaveMessage = async () => {
        const message = fillTemplate(settings.message ?? "", call.metadata).trim();
        if (!message) return call.control.hangup(AMD_HANGUP_CAUSES.machine);
        // No greeting: the message is all the machine records, then the call ends.
        const speaking = await startAgent({ ...call.agent, first_message: "" });
        if (!speaking?.sayGoodbye) return call.control.hangup(AMD_HANGUP_CAUSES.machine);
        speaking.sayGoodbye(message, AMD_HANGUP_CAUSES.messageLeft);
      };

      /** An agent started before the machine verdict stops talking to the machine. */
      const silenceEarlyAgent = async () => {
        const early = agent;
        agent = null;
        latest = null;
        const running = await early?.catch(() => null);
        await running?.stop();
        call.audio.flush();
      };

      function decided(verdict: AmdVerdict) {
        if (deadline) clearTimeout(deadline);
        feed?.close();
        hooks.onVerdict(verdict);
        if (verdict.answeredBy !== "machine") {
          listening = false;
          if (!agent) void startAgent();
          return;
        }
        if (settings.on_machine === "hangup") {
          listening = false;
          call.control.hangup(AMD_HANGUP_CAUSES.machine).catch(() => {});
          return;
        }
        const waiter = new MessageCueWaiter({
          sampleRateHz: INTERNAL_SAMPLE_RATE_HZ,
          frameMs: FRAME_MS,
          sinceMs: verdict.decisionMs,
        });
        // Frames go to the waiter only once an early agent is silent: its audio is no beep.
        if (agent)
          silenceEarlyAgent().then(
            () => (cue = waiter),
            () => (cue = waiter),
          );
        else cue = waiter;
      }

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
        if (detector.verdict) return;
        const verdict = detector.pushFrame(frame, atMs);
        feed?.push(frame, detector.speaking);
        if (verdict) decided(verdict);
        else if (!agent && detector.answerable) void startAgent();
      });
      // Silence sends frames too, but a line that sends none must still be decided in time.
      deadline = setTimeout(() => {
        const verdict = detector.verdict ? null : detector.tick(hooks.sinceAnswerMs());
        if (verdict) decided(verdict);
      }, timeoutMs + FRAME_MS);

      return {
        sayGoodbye(text, cause) {
          if (latest?.sayGoodbye) latest.sayGoodbye(text, cause);
          else call.control.hangup(cause).catch(() => {});
        },
        async stop() {
          stopped = true;
          listening = false;
          feed?.close();
          if (deadline) clearTimeout(deadline);
          await (await agent?.catch(() => null))?.stop();
        },
        usage() {
          return latest?.usage?.() ?? null;
        },
      };
    },
  };
}
