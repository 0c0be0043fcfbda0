// POST /v1/audio/speech (response_format pcm: 24 kHz mono s16le, streamed) and
// POST /v1/audio/transcriptions (multipart with a `file`; JSON `{text}` back).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pcmBytes, rms, synthesizeWords } from "./audio.ts";
import { DROP_DELAY_MS, type StandInState } from "./faults.ts";
import type { SpeechScript, TranscriptionScript } from "./script.ts";
import { sleepUntil } from "./timing.ts";

const OPENAI_PCM_SAMPLE_RATE_HZ = 24_000;

export function speech(
  script: SpeechScript,
  state: StandInState,
  body: Record<string, unknown>,
  signal: AbortSignal,
  arrivedAtMs: number,
  dropAfterChunks?: number,
): Response {
  const stats = state.request("speech", body);
  if (typeof body.input !== "string" || body.input.trim() === "") {
    return Response.json({ error: { message: "input is required" } }, { status: 400 });
  }
  if (body.response_format !== "pcm") {
    return Response.json(
      { error: { message: "this stand-in only speaks response_format pcm" } },
      { status: 400 },
    );
  }
  const audio = pcmBytes(synthesizeWords(body.input, OPENAI_PCM_SAMPLE_RATE_HZ, script.msPerWord));
  const chunkBytes = Math.round((OPENAI_PCM_SAMPLE_RATE_HZ * script.chunkMs) / 1000) * 2;
  let cancelled = false;
  const markAborted = () => {
    if (!cancelled) {
      cancelled = true;
      stats.aborted += 1;
    }
  };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      signal.addEventListener("abort", markAborted, { once: true });
      await sleepUntil(arrivedAtMs + script.firstByteMs);
      for (let offset = 0; offset < audio.length && !cancelled; offset += chunkBytes) {
        if (offset > 0 && script.chunkIntervalMs > 0) await Bun.sleep(script.chunkIntervalMs);
        if (cancelled) break;
        if (dropAfterChunks !== undefined && sent >= dropAfterChunks) {
          // Lets the chunks already sent reach the client before the connection breaks.
          await Bun.sleep(DROP_DELAY_MS);
          controller.error(new Error("injected connection drop"));
          return;
        }
        controller.enqueue(audio.slice(offset, offset + chunkBytes));
        sent += 1;
      }
      if (cancelled) return;
      stats.completed += 1;
      signal.removeEventListener("abort", markAborted);
      controller.close();
    },
    cancel: markAborted,
  });
  return new Response(stream, { headers: { "content-type": "audio/pcm" } });
}

export async function transcription(
  script: TranscriptionScript,
  state: StandInState,
  request: Request,
  arrivedAtMs: number,
): Promise<Response> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    state.request("transcription", null);
    return Response.json({ error: { message: "expected multipart/form-data" } }, { status: 400 });
  }
  const file = form.get("file");
  const stats = state.request("transcription", { model: form.get("model"), language: form.get("language") });
  if (!(file instanceof Blob) || file.size < 44) {
    return Response.json({ error: { message: "file is required" } }, { status: 400 });
  }
  const header = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  const riff = String.fromCharCode(...header.subarray(0, 4));
  if (riff !== "RIFF") return Response.json({ error: { message: "file is not a WAV" } }, { status: 400 });
  await sleepUntil(arrivedAtMs + script.delayMs);
  // A segment without speech energy transcribes to nothing, as a real model would.
  const samples = new Int16Array((await file.slice(44).arrayBuffer()).slice(0, (file.size - 44) & ~1));
  if (rms(samples) < script.speechRmsThreshold) {
    stats.completed += 1;
    return Response.json({ text: "" });
  }
  const text =
    script.recognizer === "pocketsphinx"
      ? await recognize(new Uint8Array(await file.arrayBuffer()))
      : (script.texts[stats.scripted++ % Math.max(1, script.texts.length)] ?? "");
  if (text === null) return Response.json({ error: { message: "pocketsphinx failed" } }, { status: 500 });
  stats.completed += 1;
  return Response.json({ text });
}

/** Real recognition by Debian's pocketsphinx (wideband model: 16 kHz mono WAV only). */
async function recognize(wav: Uint8Array): Promise<string | null> {
  const directory = await mkdtemp(join(tmpdir(), "stand-in-asr-"));
  try {
    const path = join(directory, "segment.wav");
    await writeFile(path, wav);
    const child = Bun.spawn(["pocketsphinx_continuous", "-infile", path, "-logfn", "/dev/null"], {
      stdout: "pipe",
      stderr: "ignore",
    });
    const [text, exitCode] = await Promise.all([new Response(child.stdout).text(), child.exited]);
    return exitCode === 0 ? text.trim().split("\n").join(" ") : null;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
