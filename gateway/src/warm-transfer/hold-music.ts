// What a caller on hold hears after the hold message: a soft three-note chime, looped, made
// here (no bundled recording), kept about half a second ahead of the wire.
import { INTERNAL_SAMPLE_RATE_HZ } from "../media/audio-format.ts";
import type { CallAudio } from "../media/call-audio.ts";
import type { AudioTicks } from "./audio-ticks.ts";

const NOTE_MS = 600;
const PAUSE_MS = 1400;
/** C5, E5, G5. */
const NOTES_HZ = [523.25, 659.25, 783.99];
const PEAK_AMPLITUDE = 2500;
const LOW_WATER_SAMPLES = INTERNAL_SAMPLE_RATE_HZ / 2;

let loop: Int16Array | null = null;

/** One loop of the chime at 16 kHz: each note decays, then a pause. */
export function holdMusicLoop(): Int16Array {
  if (loop) return loop;
  const noteSamples = (INTERNAL_SAMPLE_RATE_HZ * NOTE_MS) / 1000;
  const pauseSamples = (INTERNAL_SAMPLE_RATE_HZ * PAUSE_MS) / 1000;
  const pcm = new Int16Array(noteSamples * NOTES_HZ.length + pauseSamples);
  NOTES_HZ.forEach((frequencyHz, note) => {
    for (let i = 0; i < noteSamples; i++) {
      const attack = Math.min(1, i / 160);
      const decay = Math.exp((-3 * i) / noteSamples);
      const value = Math.sin((2 * Math.PI * frequencyHz * i) / INTERNAL_SAMPLE_RATE_HZ);
      pcm[note * noteSamples + i] = Math.round(PEAK_AMPLITUDE * attack * decay * value);
    }
  });
  loop = pcm;
  return pcm;
}

/** Plays the loop after whatever is already queued, until stopped (which drops what is queued). */
export function startHoldMusic(audio: CallAudio, ticks: AudioTicks): () => void {
  const music = holdMusicLoop();
  const remove = ticks.add(() => {
    if (audio.queuedSamples < LOW_WATER_SAMPLES) audio.enqueue(music);
  });
  return () => {
    remove();
    audio.flush();
  };
}
