// RIFF/WAVE for mono PCM16: a header for segments sent to transcription APIs, and a
// streaming reader that finds the `data` chunk of a WAV arriving in pieces (espeak-ng --stdout
// writes a 0x7ffff... size because it cannot seek back).
import { WAV_HEADER_BYTES, wavHeader } from "../../media/wav-header.ts";

export function encodeWav(pcm: Int16Array, sampleRateHz: number): Uint8Array {
  const bytes = new Uint8Array(WAV_HEADER_BYTES + pcm.length * 2);
  bytes.set(wavHeader(sampleRateHz, 1, pcm.length * 2));
  new Int16Array(bytes.buffer, WAV_HEADER_BYTES).set(pcm);
  return bytes;
}

interface WavFormat {
  sampleRateHz: number;
  channels: number;
  bitsPerSample: number;
}

/** Feed bytes as they come; gets the format from `fmt ` and returns only `data` bytes. */
export class WavStreamReader {
  private header = new Uint8Array(0);
  private inData = false;
  format: WavFormat | null = null;

  push(bytes: Uint8Array): Uint8Array {
    if (this.inData) return bytes;
    const joined = new Uint8Array(this.header.length + bytes.length);
    joined.set(this.header);
    joined.set(bytes, this.header.length);
    const view = new DataView(joined.buffer);
    if (joined.length < 12) {
      this.header = joined;
      return new Uint8Array(0);
    }
    if (text(joined, 0) !== "RIFF" || text(joined, 8) !== "WAVE") throw new Error("not a RIFF/WAVE stream");
    let offset = 12;
    while (offset + 8 <= joined.length) {
      const id = text(joined, offset);
      const size = view.getUint32(offset + 4, true);
      if (id === "data") {
        if (!this.format) throw new Error("WAV data chunk before fmt chunk");
        this.inData = true;
        this.header = new Uint8Array(0);
        return joined.subarray(offset + 8);
      }
      if (offset + 8 + size > joined.length) break;
      if (id === "fmt ") {
        this.format = {
          channels: view.getUint16(offset + 10, true),
          sampleRateHz: view.getUint32(offset + 12, true),
          bitsPerSample: view.getUint16(offset + 22, true),
        };
      }
      offset += 8 + size + (size & 1);
    }
    this.header = joined;
    return new Uint8Array(0);
  }
}

function text(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(
    bytes[offset] ?? 0,
    bytes[offset + 1] ?? 0,
    bytes[offset + 2] ?? 0,
    bytes[offset + 3] ?? 0,
  );
}
