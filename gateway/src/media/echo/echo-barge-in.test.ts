// Acceptance (issue 20): the agent's greeting played back to it as echo at -10 dB and 60 ms
// delay does not interrupt it; the caller saying "wait, stop" over it does, and the words
// reach STT from their start. Speech is synthesised with flite as the agent's voice (kal16)
// and the caller's (slt).
import { afterEach, describe, expect, test } from "bun:test";
import { startTestCall, type TestCall } from "../../pipeline/testing/test-call.ts";
import { FliteTts } from "../../providers/flite/tts.ts";
import type { SttProvider, SttSession, TranscriptEvent, TtsProvider } from "../../providers/types.ts";
import { EnergyVadEngine } from "../../vad/energy.ts";
import { VAD_WINDOW_SAMPLES, type VadEngine } from "../../vad/engine.ts";
import { SAMPLES_PER_FRAME } from "../audio-format.ts";
import { EchoLine } from "./testing/echo-line.ts";

const GREETING =
  "Hello, thank you for calling Riverside Dental. I can book, move or cancel an appointment for you. How can I help you today?";

async function synthesise(text: string, voiceId: string): Promise<Int16Array> {
  const chunks: Int16Array[] = [];
  for await (const chunk of new FliteTts().synthesize(
    text,
    { voiceId, sampleRateHz: 16_000 },
    new AbortController().signal,
  )) {
    chunks.push(chunk);
  }
  const pcm = new Int16Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    pcm.set(chunk, offset);
    offset += chunk.length;
  }
  return pcm;
}

/** Flite as the agent's voice, keeping every sample it produced in order: the outgoing stream. */
class RecordingTts implements TtsProvider {
  readonly name = "flite";
  private readonly flite = new FliteTts();
  readonly chunks: Int16Array[] = [];

  async *synthesize(text: string, options: { voiceId: string; sampleRateHz: number }, signal: AbortSignal) {
    for await (const chunk of this.flite.synthesize(text, { ...options, voiceId: "kal16" }, signal)) {
      this.chunks.push(chunk);
      yield chunk;
    }
  }

  /** Samples [from, to) of everything synthesised, in order (what playout queued, no flush yet). */
  slice(from: number, to: number): Int16Array {
    const out = new Int16Array(Math.max(0, to - from));
    let position = 0;
    for (const chunk of this.chunks) {
      const start = Math.max(from, position);
      const end = Math.min(to, position + chunk.length);
      if (end > start) out.set(chunk.subarray(start - position, end - position), start - from);
      position += chunk.length;
    }
    return out;
  }
}

/**
 * Transcribes what it was sent as a provider would: "wait stop" when the segment holds the
 * caller's words, the greeting's words when it holds only its echo. Keeps every frame sent.
 */
class RecordingStt implements SttProvider {
  readonly name = "recording-stt";
  readonly frames: Int16Array[] = [];
  /** Fingerprints of the caller frames that carry the caller's own voice. */
  readonly callerVoice = new Set<string>();
  private segmentHasCaller = false;

  constructor(private readonly callerWords = "wait stop") {}

  async open(_options: unknown, onTranscript: (event: TranscriptEvent) => void): Promise<SttSession> {
    return {
      sendAudio: (pcm) => {
        this.frames.push(pcm.slice());
        if (this.callerVoice.has(fingerprint(pcm))) this.segmentHasCaller = true;
      },
      flush: () => {
        const text = this.segmentHasCaller ? this.callerWords : "thank you for calling riverside dental";
        this.segmentHasCaller = false;
        setImmediate(() => onTranscript({ text, isFinal: true, endOfSpeech: true }));
      },
      close: async () => {},
    };
  }
}

function fingerprint(pcm: Int16Array): string {
  return pcm.join(",");
}

async function settle(rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

let call: TestCall | null = null;
afterEach(async () => {
  await call?.app.stop();
  call = null;
});

async function greetingOverEcho(stt: RecordingStt) {
  const tts = new RecordingTts();
  call = await startTestCall({
    agent: { first_message: GREETING },
    providers: { tts, stt },
    llm: [{ tokens: ["Of course, I will stop."] }],
  });
  const line = new EchoLine({ delayMs: 60, gainDb: -10 });
  const testCall = call;
  /** One tick: the caller's frame (echo plus `speech`) comes in, the agent's next frame goes out. */
  const tick = async (speech: Int16Array | null, beforeSending?: (frame: Int16Array) => void) => {
    // flite synthesises each sentence in real time: while the queue waits for it, so does the line.
    if (testCall.audio.queuedSamples === 0 && testCall.agentTurns().length === 0) await Bun.sleep(10);
    const before = testCall.audio.playedSamples;
    const frame = line.callerFrame(speech);
    beforeSending?.(frame);
    testCall.clock.advance(20);
    testCall.audio.tick(frame);
    line.sent(tts.slice(before, testCall.audio.playedSamples));
    await settle();
    return frame;
  };
  // flite writes its WAV before the first chunk: wait (in real time) for the greeting to start.
  const started = Date.now();
  while (testCall.audio.playedSamples === 0 && Date.now() - started < 10_000) await tick(null);
  expect(testCall.audio.playedSamples).toBeGreaterThan(0);
  return { call: testCall, tts, line, tick };
}

describe("echo-safe barge-in", () => {
  test("the greeting's own echo at -10 dB and 60 ms does not interrupt it, and is not answered", async () => {
    const stt = new RecordingStt();
    const { call, tts, tick } = await greetingOverEcho(stt);
    const echoFrames: Int16Array[] = [];
    const started = Date.now();
    while (call.agentTurns().length === 0 && Date.now() - started < 20_000) echoFrames.push(await tick(null));
    for (let i = 0; i < 50; i++) await tick(null);

    expect(call.audio.flushes).toHaveLength(0);
    expect(call.agentTurns()).toHaveLength(1);
    expect(call.agentTurns()[0]).toMatchObject({ text: GREETING, interrupted: false });
    expect(call.llm.requests).toHaveLength(0);
    expect(tts.chunks.length).toBeGreaterThan(0);

    // The control: the echo alone is speech to a VAD, far longer than min_speech_ms (250 ms).
    const vad: VadEngine = new EnergyVadEngine();
    const stream = vad.createStream({ narrowband: false });
    const window = new Float32Array(VAD_WINDOW_SAMPLES);
    let filled = 0;
    let speechWindows = 0;
    for (const frame of echoFrames) {
      for (const sample of frame) {
        window[filled++] = sample / 32768;
        if (filled === VAD_WINDOW_SAMPLES) {
          filled = 0;
          stream.push(window, (probability) => {
            if (probability >= 0.5) speechWindows++;
          });
        }
      }
    }
    expect(speechWindows * 32).toBeGreaterThan(1000);
  });

  test('the caller saying "okay, I see" over the echoed greeting holds it, and it goes on whole: no flush, no turn', async () => {
    const words = await synthesise("okay I see", "slt");
    const stt = new RecordingStt("okay I see");
    const { call, tick } = await greetingOverEcho(stt);
    const started = Date.now();
    while (call.audio.playedSamples < 2 * 16_000 && Date.now() - started < 20_000) await tick(null);
    for (let offset = 0; offset < words.length; offset += SAMPLES_PER_FRAME) {
      const speech = words.subarray(offset, offset + SAMPLES_PER_FRAME);
      await tick(speech, (frame) => {
        if (speech.some((sample) => Math.abs(sample) > 1000)) stt.callerVoice.add(fingerprint(frame));
      });
    }
    for (let i = 0; i < 15 && call.audio.pauses.length === 0; i++) await tick(null);
    // Over its echo, the caller's own speech stopped the agent: held until the words were known.
    expect(call.audio.pauses).toHaveLength(1);
    while (call.agentTurns().length === 0 && Date.now() - started < 30_000) await tick(null);
    expect(call.audio.resumes).toHaveLength(1);
    expect(call.audio.flushes).toHaveLength(0);
    expect(call.agentTurns()).toHaveLength(1);
    expect(call.agentTurns()[0]).toMatchObject({ text: GREETING, interrupted: false });
    expect(call.llm.requests).toHaveLength(0);
  });

  test('the caller saying "wait, stop" over the echoed greeting interrupts it, and STT gets the words from their start', async () => {
    const words = await synthesise("wait, stop", "slt");
    const stt = new RecordingStt();
    const { call, tick } = await greetingOverEcho(stt);
    // Two seconds into the greeting, over its echo.
    const started = Date.now();
    while (call.audio.playedSamples < 2 * 16_000 && Date.now() - started < 20_000) await tick(null);
    expect(call.audio.flushes).toHaveLength(0);

    const speechStartTick = call.audio.ticks + 1;
    const callerFrames: Int16Array[] = [];
    for (let offset = 0; offset < words.length; offset += SAMPLES_PER_FRAME) {
      const speech = words.subarray(offset, offset + SAMPLES_PER_FRAME);
      const frame = await tick(speech, (frame) => {
        if (speech.some((sample) => Math.abs(sample) > 1000)) stt.callerVoice.add(fingerprint(frame));
      });
      callerFrames.push(frame);
    }
    for (let i = 0; i < 10 && call.audio.flushes.length === 0; i++) await tick(null);
    expect(call.audio.flushes).toHaveLength(1);
    const ticksToFlush = call.audio.flushes[0]!.tick - speechStartTick;
    // min_speech_ms of the caller's own speech, and not the whole phrase and more.
    expect(ticksToFlush * 20).toBeGreaterThanOrEqual(250);
    expect(ticksToFlush * 20).toBeLessThan((words.length / 16_000) * 1000 + 200);

    await call.until(() => call.llm.requests.length === 1, 5000);
    expect(call.llm.requests[0]!.messages.at(-1)).toEqual({ role: "user", content: "wait stop" });
    expect(call.agentTurns()[0]).toMatchObject({ interrupted: true });
    expect(GREETING.startsWith(call.agentTurns()[0]!.text)).toBe(true);

    // The first words are kept: the caller's first voiced frame went to STT.
    const firstVoiced = callerFrames.find((_, index) => {
      const speech = words.subarray(index * SAMPLES_PER_FRAME, (index + 1) * SAMPLES_PER_FRAME);
      return speech.some((sample) => Math.abs(sample) > 1000);
    })!;
    expect(
      stt.frames.some(
        (frame) =>
          frame.length === firstVoiced.length && frame.every((sample, i) => sample === firstVoiced[i]),
      ),
    ).toBe(true);
  });
});
