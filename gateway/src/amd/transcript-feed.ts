// The callee's words while answering-machine detection listens: their audio goes to an STT
// session of the agent's own provider, and each interim or final comes back as text for the
// detector's phrase evidence. Segment-upload providers transcribe on flush, so each utterance
// is flushed when the callee pauses; streaming ones send interims as the words arrive.
import type { Logger } from "@switchboard/shared/logger";
import type { CallContext } from "../call-core/application.ts";
import { INTERNAL_SAMPLE_RATE_HZ, SAMPLES_PER_FRAME } from "../media/audio-format.ts";
import { PcmBuffer } from "../media/pcm-buffer.ts";
import { buildStt } from "../providers/registry.ts";
import type { SttProvider, SttSession } from "../providers/types.ts";

/** Audio held while the session opens: detection never runs longer than this. */
const MAX_PENDING_MS = 10_000;

/** Opens a transcription of the callee for one call; null when the call has none. */
export type AmdTranscription = (
  call: CallContext,
  onText: (text: string) => void,
) => Promise<SttSession | null>;

/** A transcription on the agent's STT provider (`sttOf` builds it from the call's agent). */
export function sttTranscription(sttOf: (call: CallContext) => SttProvider, log?: Logger): AmdTranscription {
  return async (call, onText) => {
    try {
      return await sttOf(call).open(
        {
          model: call.agent.stt.model,
          language: call.agent.stt.language,
          sampleRateHz: INTERNAL_SAMPLE_RATE_HZ,
        },
        (event) => {
          if (event.text) onText(event.text);
        },
        (error) => log?.warn({ err: error, call_id: call.callId }, "AMD transcription failed"),
      );
    } catch (error) {
      // Detection goes on from the audio alone.
      log?.warn({ err: error, call_id: call.callId }, "AMD transcription did not open");
      return null;
    }
  };
}

/** The agent's STT block (with its fallbacks), as the turn pipeline would build it. */
export function agentSttTranscription(config: Parameters<typeof buildStt>[0], log: Logger): AmdTranscription {
  return sttTranscription(
    (call) => buildStt(config, call.agent, { logger: log.child({ call_id: call.callId }) }),
    log,
  );
}

/** Feeds one call's frames to its transcription from the answer until `close`. */
export class TranscriptFeed {
  private session: SttSession | null = null;
  private closed = false;
  private readonly pending = new PcmBuffer((INTERNAL_SAMPLE_RATE_HZ * MAX_PENDING_MS) / 1000);
  private flushPending = false;
  private wasSpeaking = false;

  constructor(opening: Promise<SttSession | null>) {
    opening.then(
      (session) => {
        if (!session) return;
        if (this.closed) {
          void session.close().catch(() => {});
          return;
        }
        this.session = session;
        const held = this.pending.view();
        for (let offset = 0; offset < held.length; offset += SAMPLES_PER_FRAME)
          session.sendAudio(held.subarray(offset, offset + SAMPLES_PER_FRAME));
        this.pending.clear();
        if (this.flushPending) session.flush();
      },
      () => {
        this.closed = true;
      },
    );
  }

  /** One frame; `speaking` is the detector's view after it, so a pause flushes the utterance. */
  push(frame: Int16Array, speaking: boolean): void {
    if (this.closed) return;
    if (this.session) this.session.sendAudio(frame);
    else this.pending.append(frame);
    if (this.wasSpeaking && !speaking) {
      if (this.session) this.session.flush();
      else this.flushPending = true;
    }
    this.wasSpeaking = speaking;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pending.clear();
    void this.session?.close().catch(() => {});
    this.session = null;
  }
}
