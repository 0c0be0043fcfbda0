// POST /agents/{agent_id}/voice-sample: the agent's voice speaking a short text. Speech is
// synthesised only by gateways, so control asks them over the bus and waits for the first
// reply (shared/src/voice-sample/messages.ts), up to a deadline.
import type { Bus, Unsubscribe } from "@switchboard/shared/bus/contract";
import { Channels } from "@switchboard/shared/bus/topics";
import { ApiError } from "@switchboard/shared/errors";
import {
  VOICE_SAMPLE_TIMEOUT_MS,
  type VoiceSampleReply,
  type VoiceSampleRequest,
} from "@switchboard/shared/voice-sample/messages";

export class VoiceSamples {
  private readonly waiters = new Map<string, (reply: VoiceSampleReply) => void>();
  private unsubscribe: Promise<Unsubscribe> | null = null;

  constructor(
    private readonly bus: Bus,
    private readonly timeoutMs = VOICE_SAMPLE_TIMEOUT_MS,
  ) {}

  private listen(): Promise<Unsubscribe> {
    this.unsubscribe ??= this.bus.subscribe(Channels.voiceSampleReplies, (message) => {
      let reply: VoiceSampleReply;
      try {
        reply = JSON.parse(message) as VoiceSampleReply;
      } catch {
        return;
      }
      this.waiters.get(reply.request_id)?.(reply);
    });
    return this.unsubscribe;
  }

  /** The WAV bytes; 504 when no gateway answers in time, 502 when synthesis failed. */
  async synthesize(request: Omit<VoiceSampleRequest, "request_id">): Promise<Uint8Array<ArrayBuffer>> {
    await this.listen();
    const requestId = crypto.randomUUID();
    // Waiting starts before the request is published, so an early reply is not missed.
    const reply = new Promise<VoiceSampleReply | null>((resolve) => {
      const timer = setTimeout(() => done(null), this.timeoutMs);
      const done = (value: VoiceSampleReply | null) => {
        clearTimeout(timer);
        this.waiters.delete(requestId);
        resolve(value);
      };
      this.waiters.set(requestId, done);
    });
    await this.bus.publish(
      Channels.voiceSampleRequests,
      JSON.stringify({ ...request, request_id: requestId }),
    );
    const answer = await reply;
    if (!answer)
      throw new ApiError(
        504,
        "voice_sample_timeout",
        "No gateway answered the voice sample request in time.",
      );
    // The provider's own message stays in the gateway's log: it may quote the provider's response.
    if (!answer.ok)
      throw new ApiError(
        502,
        "voice_sample_failed",
        "The agent's voice provider could not synthesise the sample.",
      );
    return new Uint8Array(Buffer.from(answer.wav_base64, "base64"));
  }
}
