// Test support: how much of a two-channel recording carries a given tone.
import { readFileSync } from "node:fs";
import { energyOf, goertzelPower } from "../../amd/goertzel.ts";

const BLOCK_MS = 20;
/** Quieter blocks are silence, whatever their spectrum. */
const MIN_RMS = 200;

function channelSamples(
  wavPath: string,
  channel: 0 | 1,
): { samples: Int16Array; blockSamples: number; sampleRateHz: number } {
  const bytes = readFileSync(wavPath);
  const sampleRateHz = bytes.readUInt32LE(24);
  const frames = Math.floor((bytes.length - 44) / 4);
  const samples = new Int16Array(frames);
  for (let i = 0; i < frames; i++) samples[i] = bytes.readInt16LE(44 + i * 4 + channel * 2);
  return { samples, blockSamples: (sampleRateHz * BLOCK_MS) / 1000, sampleRateHz };
}

/** The number of 20 ms blocks of `channel` louder than silence. */
export function loudBlocks(wavPath: string, channel: 0 | 1): number {
  const { samples, blockSamples } = channelSamples(wavPath, channel);
  let count = 0;
  for (let start = 0; start + blockSamples <= samples.length; start += blockSamples) {
    if (Math.sqrt(energyOf(samples.subarray(start, start + blockSamples)) / blockSamples) >= MIN_RMS) count++;
  }
  return count;
}

/** The number of 20 ms blocks of `channel` (0 left, 1 right) whose energy is mostly at `frequencyHz`. */
export function toneBlocks(wavPath: string, channel: 0 | 1, frequencyHz: number): number {
  const { samples, blockSamples, sampleRateHz } = channelSamples(wavPath, channel);
  let count = 0;
  for (let start = 0; start + blockSamples <= samples.length; start += blockSamples) {
    const block = samples.subarray(start, start + blockSamples);
    const energy = energyOf(block);
    if (Math.sqrt(energy / blockSamples) < MIN_RMS) continue;
    // A pure tone's Goertzel power is energy x N/2 (goertzel.ts).
    if (goertzelPower(block, frequencyHz, sampleRateHz) / ((energy * blockSamples) / 2) > 0.5) count++;
  }
  return count;
}
