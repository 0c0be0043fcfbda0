// The interim media application until the turn pipeline runs calls: speaks the agent's
// first message through a TTS provider and keeps the call (recorded) until it ends, or
// hangs up once the greeting has played when asked to.
import { INTERNAL_SAMPLE_RATE_HZ } from "../media/audio-format.ts";
import type { TtsProvider } from "../providers/types.ts";
import type { CallContext, MediaApplication, RunningApplication } from "./application.ts";

interface GreetingOptions {
  tts: TtsProvider;
  /** Hang up this long after the greeting finished playing; null keeps the call up. */
  hangupAfterGreetingMs: number | null;
}

const PLAYOUT_POLL_MS = 20;

/** `{{name}}` placeholders filled from the call's metadata; unknown ones become empty. */
function fillPlaceholders(text: string, metadata: Record<string, unknown>): string {
  return text.replace(/\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g, (_match, name: string) => {
    const value = metadata[name];
    return value === undefined || value === null ? "" : String(value);
  });
}

export class GreetingApplication implements MediaApplication {
  constructor(private readonly options: GreetingOptions) {}

  async start(call: CallContext): Promise<RunningApplication> {
    const abort = new AbortController();
    const text = fillPlaceholders(call.agent.first_message ?? "", call.metadata);
    const run = async () => {
      if (text.trim()) {
        const chunks = this.options.tts.synthesize(
          text,
          {
            voiceId: call.agent.voice?.voice_id ?? "en-us",
            speed: call.agent.voice?.speed,
            sampleRateHz: INTERNAL_SAMPLE_RATE_HZ,
          },
          abort.signal,
        );
        for await (const pcm of chunks) {
          if (abort.signal.aborted) return;
          call.audio.enqueue(pcm);
        }
      }
      if (this.options.hangupAfterGreetingMs === null) return;
      while (!abort.signal.aborted && call.audio.queuedSamples > 0) await Bun.sleep(PLAYOUT_POLL_MS);
      if (abort.signal.aborted) return;
      await Bun.sleep(this.options.hangupAfterGreetingMs);
      // Not awaited: hanging up stops this application, which waits for this function.
      if (!abort.signal.aborted) call.control.hangup("agent_hangup").catch(() => {});
    };
    const done = run().catch(() => {});
    return {
      async stop() {
        abort.abort();
        await done;
      },
    };
  }
}
