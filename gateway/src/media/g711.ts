import { alaw, mulaw } from "alawmulaw";

// G.711 by table lookup: a 64 Ki-entry encode table and a 256-entry decode table per law,
// built once at load from the reference per-sample functions.

export type G711Codec = "PCMU" | "PCMA";

/** RFC 3551 section 6: static payload types and the clock rate both share. */
export const G711_PAYLOAD_TYPE: Record<G711Codec, number> = { PCMU: 0, PCMA: 8 };
export const G711_SAMPLE_RATE_HZ = 8000;

interface Law {
  encodeTable: Uint8Array;
  decodeTable: Int16Array;
  silenceByte: number;
}

function buildLaw(encodeSample: (sample: number) => number, decodeSample: (byte: number) => number): Law {
  const encodeTable = new Uint8Array(65536);
  for (let index = 0; index < 65536; index++) {
    encodeTable[index] = encodeSample(index >= 32768 ? index - 65536 : index);
  }
  const decodeTable = new Int16Array(256);
  for (let byte = 0; byte < 256; byte++) decodeTable[byte] = decodeSample(byte);
  return { encodeTable, decodeTable, silenceByte: encodeTable[0]! };
}

const LAWS: Record<G711Codec, Law> = {
  PCMU: buildLaw(mulaw.encodeSample, mulaw.decodeSample),
  PCMA: buildLaw(alaw.encodeSample, alaw.decodeSample),
};

/** The byte a codec sends for digital silence (0xFF for PCMU, 0xD5 for PCMA). */
export function g711SilenceByte(codec: G711Codec): number {
  return LAWS[codec].silenceByte;
}

/** Encodes `length` samples of `pcm` into `out` at `outOffset`. */
export function g711Encode(
  codec: G711Codec,
  pcm: Int16Array,
  out: Uint8Array,
  outOffset = 0,
  length = pcm.length,
): void {
  const table = LAWS[codec].encodeTable;
  for (let index = 0; index < length; index++) {
    out[outOffset + index] = table[pcm[index]! & 0xffff]!;
  }
}

/** Decodes `length` bytes of `payload` from `offset` into `out`. */
export function g711Decode(
  codec: G711Codec,
  payload: Uint8Array,
  offset: number,
  length: number,
  out: Int16Array,
): void {
  const table = LAWS[codec].decodeTable;
  for (let index = 0; index < length; index++) {
    out[index] = table[payload[offset + index]!]!;
  }
}
