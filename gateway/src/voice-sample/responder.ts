// Answers voice sample requests (shared/src/voice-sample/messages.ts): the agent read from its
// published snapshot as a call reads it, its TTS built by the same registry a call's pipeline
// uses (the org's credentials, the operator's keys, the espeak-ng fallback), the audio
// returned as a WAV on the bus.
import type { AgentSnapshot } from "@switchboard/shared/agent";
import type { Bus, Unsubscribe } from "@switchboard/shared/bus/contract";
import { Channels, Hashes } from "@switchboard/shared/bus/topics";
import type { Config } from "@switchboard/shared/config";
import type { Logger } from "@switchboard/shared/logger";
import {
  VOICE_SAMPLE_MAX_AUDIO_BYTES,
  VOICE_SAMPLE_MAX_TEXT_CHARS,
  VOICE_SAMPLE_TIMEOUT_MS,
  type VoiceSampleReply,
  type VoiceSampleRequest,
} from "@switchboard/shared/voice-sample/messages";
import { INTERNAL_SAMPLE_RATE_HZ } from "../media/audio-format.ts";
import { WAV_HEADER_BYTES, wavHeader } from "../media/wav-header.ts";
import { buildTts } from "../providers/registry.ts";

export class VoiceSampleResponder {
  private unsubscribe: Unsubscribe | null = null;

  constructor(private readonly options: { bus: Bus; config: Config; log: Logger }) {}

  async start(): Promise<void> {
    this.unsubscribe = await this.options.bus.subscribe(Channels.voiceSampleRequests, (message) => {
      let request: VoiceSampleRequest;
      try {
        request = JSON.parse(message) as VoiceSampleRequest;
      } catch {
        return;
      }
      if (typeof request.request_id !== "string" || typeof request.text !== "string") return;
      this.answer(request).catch((error: unknown) =>
        this.options.log.error({ err: error, agent_id: request.agent_id }, "voice sample reply failed"),
      );
    });
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private async answer(request: VoiceSampleRequest): Promise<void> {
    const reply = await this.synthesize(request).catch((error: unknown): VoiceSampleReply => {
      this.options.log.warn({ err: error, agent_id: request.agent_id }, "voice sample synthesis failed");
      return {
        request_id: request.request_id,
        ok: false,
        error: error instanceof Error ? error.name : "error",
      };
    });
    if (reply) await this.options.bus.publish(Channels.voiceSampleReplies, JSON.stringify(reply));
  }

  /** Null when this gateway does not know the agent (control answers 504 if no gateway does). */
  private async synthesize(request: VoiceSampleRequest): Promise<VoiceSampleReply | null> {
    const json = await this.options.bus.hashGet(Hashes.agentSnapshots, request.agent_id);
    if (!json) return null;
    const agent = JSON.parse(json) as AgentSnapshot;
    if (agent.org_id !== request.org_id) return null;
    const tts = buildTts(this.options.config, agent, {
      logger: this.options.log.child({ agent_id: agent.id }),
    });
    const signal = AbortSignal.timeout(VOICE_SAMPLE_TIMEOUT_MS);
    const chunks: Uint8Array[] = [];
    let bytes = 0;
    const options = {
      voiceId: agent.voice.voice_id,
      speed: agent.voice.speed,
      sampleRateHz: INTERNAL_SAMPLE_RATE_HZ,
    };
    for await (const pcm of tts.synthesize(
      request.text.slice(0, VOICE_SAMPLE_MAX_TEXT_CHARS),
      options,
      signal,
    )) {
      const chunk = new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength);
      const room = VOICE_SAMPLE_MAX_AUDIO_BYTES - bytes;
      chunks.push(chunk.byteLength > room ? chunk.subarray(0, room) : chunk.slice());
      bytes += Math.min(chunk.byteLength, room);
      if (bytes >= VOICE_SAMPLE_MAX_AUDIO_BYTES) break;
    }
    const wav = new Uint8Array(WAV_HEADER_BYTES + bytes);
    wav.set(wavHeader(INTERNAL_SAMPLE_RATE_HZ, 1, bytes), 0);
    let offset = WAV_HEADER_BYTES;
    for (const chunk of chunks) {
      wav.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return { request_id: request.request_id, ok: true, wav_base64: Buffer.from(wav).toString("base64") };
  }
}
