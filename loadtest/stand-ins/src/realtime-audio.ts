// Audio formats on the speech-to-speech wires: OpenAI Realtime's `audio/pcm` (24 kHz s16le),
// `audio/pcmu` and `audio/pcma` (8 kHz G.711), Gemini Live's `audio/pcm;rate=N`. Input is
// decoded to linear samples for the server VAD; replies are synthesised as the other stand-ins
// do and encoded in the session's output format.
import { alaw, mulaw } from "alawmulaw";
import { synthesizeWords } from "./audio.ts";

export type WireAudioFormat = "audio/pcm" | "audio/pcmu" | "audio/pcma";

export interface AudioFormat {
  type: WireAudioFormat;
  sampleRateHz: number;
}

export const OPENAI_PCM_FORMAT: AudioFormat = { type: "audio/pcm", sampleRateHz: 24_000 };

/** Bytes per millisecond of audio in `format`. */
export function bytesPerMs(format: AudioFormat): number {
  const bytesPerSample = format.type === "audio/pcm" ? 2 : 1;
  return (format.sampleRateHz * bytesPerSample) / 1000;
}

export function decodeToLinear(format: AudioFormat, bytes: Uint8Array): Int16Array {
  if (format.type === "audio/pcmu") return mulaw.decode(bytes);
  if (format.type === "audio/pcma") return alaw.decode(bytes);
  const even = bytes.byteLength & ~1;
  return new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + even));
}

/** The reply's audio in `format`: the same text always gives the same bytes. */
export function synthesizeReply(format: AudioFormat, text: string, msPerWord: number): Uint8Array {
  const pcm = synthesizeWords(text, format.sampleRateHz, msPerWord);
  if (format.type === "audio/pcmu") return mulaw.encode(pcm);
  if (format.type === "audio/pcma") return alaw.encode(pcm);
  return new Uint8Array(pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.byteLength));
}
