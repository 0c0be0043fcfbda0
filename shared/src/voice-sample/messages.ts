// A voice sample: control asks the gateways on Channels.voiceSampleRequests to speak a short
// text with an agent's voice, and the first gateway that answers replies on
// Channels.voiceSampleReplies. Gateways read the agent (voice settings and org credentials)
// from its published snapshot, as they do for a call, and refuse one of another org.

/** The text spoken when the request names none. */
export const DEFAULT_VOICE_SAMPLE_TEXT = "Hello! This is how I sound on a call. How can I help you today?";
export const VOICE_SAMPLE_MAX_TEXT_CHARS = 300;
/** Longest audio a reply carries; longer synthesis is cut here (30 s of 16 kHz PCM16). */
export const VOICE_SAMPLE_MAX_AUDIO_BYTES = 30 * 16_000 * 2;
/** How long control waits for a gateway's reply. */
export const VOICE_SAMPLE_TIMEOUT_MS = 10_000;

export interface VoiceSampleRequest {
  request_id: string;
  org_id: string;
  agent_id: string;
  text: string;
}

export type VoiceSampleReply =
  | { request_id: string; ok: true /** WAV, 16-bit PCM mono, base64. */; wav_base64: string }
  | { request_id: string; ok: false; error: string };
