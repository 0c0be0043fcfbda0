// A turn's audio as the caller's phone sends it: each segment synthesised by flite or
// espeak-ng, converted by sox to 8 kHz G.711 u-law, cut into 20 ms payloads, with the scripted
// pauses as silence. Word end times are spread over each segment's voiced span by length (the
// engines' CLIs give no word timings), so the timed transcripts follow the audio.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PCMU_SAMPLES_PER_FRAME, pcmuRms } from "../../uac/caller-speech.ts";
import type { ScriptedTurn, Voice } from "./corpus.ts";

const FRAME_MS = 20;
const PCMU_SILENCE = 0xff;
/** Decoded RMS above which a 20 ms frame is voiced. */
const VOICED_RMS = 300;

export interface TimedWord {
  text: string;
  /** When the word's audio ends, from the turn's first frame. */
  endMs: number;
}

export interface TurnAudio {
  frames: Uint8Array[];
  words: TimedWord[];
  /** Voiced spans [start, end) from the turn's first frame: the caller speaking. */
  speech: { startMs: number; endMs: number }[];
  /** The end of the last voiced frame: the turn's real end. */
  endMs: number;
}

const cache = new Map<string, { frames: Uint8Array[]; firstVoiced: number; lastVoiced: number }>();
const scratch = new Int16Array(PCMU_SAMPLES_PER_FRAME);

function synthesise(voice: Voice, text: string, dir: string) {
  const key = `${voice.engine}:${voice.name}:${text}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const wav = join(dir, `${cache.size}.wav`);
  const raw = join(dir, `${cache.size}.ulaw`);
  const argv =
    voice.engine === "flite"
      ? ["flite", "-voice", voice.name, "-t", text, "-o", wav]
      : ["espeak-ng", "-v", voice.name, "-w", wav, text];
  const made = Bun.spawnSync(argv);
  if (made.exitCode !== 0) throw new Error(`${voice.engine} failed: ${made.stderr.toString()}`);
  const sox = Bun.spawnSync(["sox", wav, "-r", "8000", "-c", "1", "-t", "raw", "-e", "mu-law", raw]);
  if (sox.exitCode !== 0) throw new Error(`sox failed: ${sox.stderr.toString()}`);
  const bytes = new Uint8Array(readFileSync(raw));
  const frames: Uint8Array[] = [];
  let firstVoiced = -1;
  let lastVoiced = -1;
  for (let offset = 0; offset + PCMU_SAMPLES_PER_FRAME <= bytes.length; offset += PCMU_SAMPLES_PER_FRAME) {
    const frame = bytes.slice(offset, offset + PCMU_SAMPLES_PER_FRAME);
    if (pcmuRms(frame, 0, PCMU_SAMPLES_PER_FRAME, scratch) >= VOICED_RMS) {
      if (firstVoiced < 0) firstVoiced = frames.length;
      lastVoiced = frames.length;
    }
    frames.push(frame);
  }
  if (lastVoiced < 0) throw new Error(`"${text}" in ${voice.name} has no voiced frame`);
  // Trailing silence is cut: the pause that follows is the script's.
  const entry = { frames: frames.slice(0, lastVoiced + 1), firstVoiced, lastVoiced };
  cache.set(key, entry);
  return entry;
}

export function turnAudio(voice: Voice, turn: ScriptedTurn): TurnAudio {
  const dir = mkdtempSync(join(tmpdir(), "turn-bench-"));
  try {
    const frames: Uint8Array[] = [];
    const words: TimedWord[] = [];
    const speech: TurnAudio["speech"] = [];
    for (const segment of turn.segments) {
      const audio = synthesise(voice, segment.text, dir);
      const startMs = (frames.length + audio.firstVoiced) * FRAME_MS;
      const endMs = (frames.length + audio.lastVoiced + 1) * FRAME_MS;
      speech.push({ startMs, endMs });
      const segmentWords = segment.text.split(/\s+/).filter(Boolean);
      const totalChars = segmentWords.reduce((sum, word) => sum + word.length, 0);
      let chars = 0;
      for (const word of segmentWords) {
        chars += word.length;
        words.push({ text: word, endMs: Math.round(startMs + ((endMs - startMs) * chars) / totalChars) });
      }
      frames.push(...audio.frames);
      for (let t = 0; t < segment.pauseAfterMs; t += FRAME_MS)
        frames.push(new Uint8Array(PCMU_SAMPLES_PER_FRAME).fill(PCMU_SILENCE));
    }
    return { frames, words, speech, endMs: speech.at(-1)!.endMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
