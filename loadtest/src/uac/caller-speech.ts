// The caller's scripted utterances: synthesized once with flite (16 kHz), converted once to
// G.711 u-law at 8 kHz by sox, cut into 20 ms RTP payloads with a voiced flag per frame.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { g711Decode } from "@switchboard/gateway/media/g711";

export const PCMU_SAMPLES_PER_FRAME = 160;

export interface Utterance {
  text: string;
  /** 160-byte PCMU payloads, one per 20 ms. */
  frames: Uint8Array[];
  /** Index of the last frame whose decoded energy is above the voiced threshold. */
  lastVoicedFrame: number;
}

/** Root mean square of 160 decoded samples; `scratch` is reused to keep receive paths allocation-free. */
export function pcmuRms(payload: Uint8Array, offset: number, length: number, scratch: Int16Array): number {
  g711Decode("PCMU", payload, offset, length, scratch);
  let sum = 0;
  for (let i = 0; i < length; i++) sum += scratch[i]! * scratch[i]!;
  return Math.sqrt(sum / Math.max(1, length));
}

export function synthesizeUtterances(texts: string[], voicedRms: number): Utterance[] {
  const dir = mkdtempSync(join(tmpdir(), "uac-speech-"));
  try {
    const scratch = new Int16Array(PCMU_SAMPLES_PER_FRAME);
    return texts.map((text, index) => {
      const wav = join(dir, `${index}.wav`);
      const raw = join(dir, `${index}.ulaw`);
      const flite = Bun.spawnSync(["flite", "-voice", "kal16", "-t", text, "-o", wav]);
      if (flite.exitCode !== 0) throw new Error(`flite failed: ${flite.stderr.toString()}`);
      const sox = Bun.spawnSync(["sox", wav, "-r", "8000", "-c", "1", "-t", "raw", "-e", "mu-law", raw]);
      if (sox.exitCode !== 0) throw new Error(`sox failed: ${sox.stderr.toString()}`);
      const bytes = new Uint8Array(readFileSync(raw));
      const frames: Uint8Array[] = [];
      let lastVoicedFrame = -1;
      for (
        let offset = 0;
        offset + PCMU_SAMPLES_PER_FRAME <= bytes.length;
        offset += PCMU_SAMPLES_PER_FRAME
      ) {
        const frame = bytes.slice(offset, offset + PCMU_SAMPLES_PER_FRAME);
        if (pcmuRms(frame, 0, PCMU_SAMPLES_PER_FRAME, scratch) >= voicedRms) lastVoicedFrame = frames.length;
        frames.push(frame);
      }
      if (lastVoicedFrame < 0) throw new Error(`utterance ${index} has no voiced frame`);
      return { text, frames: frames.slice(0, lastVoicedFrame + 1), lastVoicedFrame };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
