// Audio the TTS stand-ins send: a deterministic voiced tone per word (a 140 Hz fundamental
// with a few harmonics, 10 ms ramps) and a short gap between words. Not speech, but it has
// speech-like energy for VAD and endpointing, costs nothing to make, and is the same every run.

const cache = new Map<string, Int16Array>();
const CACHE_ENTRIES = 256;

/** The same text gives the same audio, so repeated sentences (load runs) are made once. */
export function synthesizeWords(text: string, sampleRateHz: number, msPerWord: number): Int16Array {
  const key = `${sampleRateHz}:${msPerWord}:${text}`;
  let pcm = cache.get(key);
  if (!pcm) {
    pcm = synthesize(text, sampleRateHz, msPerWord);
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(key, pcm);
  }
  return pcm;
}

function synthesize(text: string, sampleRateHz: number, msPerWord: number): Int16Array {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const wordSamples = Math.round((sampleRateHz * msPerWord * 0.8) / 1000);
  const gapSamples = Math.round((sampleRateHz * msPerWord * 0.2) / 1000);
  const rampSamples = Math.round(sampleRateHz / 100);
  const pcm = new Int16Array(words.length * (wordSamples + gapSamples));
  words.forEach((word, wordIndex) => {
    const fundamentalHz = 120 + (word.length % 5) * 10;
    const start = wordIndex * (wordSamples + gapSamples);
    for (let i = 0; i < wordSamples; i++) {
      const t = i / sampleRateHz;
      const envelope = Math.min(1, i / rampSamples, (wordSamples - i) / rampSamples);
      let value = 0;
      for (let harmonic = 1; harmonic <= 4; harmonic++) {
        value += Math.sin(2 * Math.PI * fundamentalHz * harmonic * t) / harmonic;
      }
      pcm[start + i] = Math.round(6000 * envelope * value);
    }
  });
  return pcm;
}

export function pcmBytes(pcm: Int16Array): Uint8Array {
  return new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength);
}

export function rms(pcm: Int16Array): number {
  if (pcm.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < pcm.length; i++) {
    const sample = pcm[i] ?? 0;
    sum += sample * sample;
  }
  return Math.sqrt(sum / pcm.length);
}
