// The one audio format inside the gateway: mono PCM16 at 16 kHz in 20 ms frames. Codecs
// (G.711 at 8 kHz, Opus at 48 kHz) convert at the edges; providers get and give this format.

export const INTERNAL_SAMPLE_RATE_HZ = 16_000;
export const FRAME_MS = 20;
export const SAMPLES_PER_FRAME = (INTERNAL_SAMPLE_RATE_HZ * FRAME_MS) / 1000; // 320

/** One 20 ms frame: SAMPLES_PER_FRAME samples of mono PCM16 at 16 kHz. */
export type PcmFrame = Int16Array;
