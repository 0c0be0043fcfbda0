import { describe, expect, test } from "bun:test";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AudioFrame } from "@livekit/rtc-node";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { sine } from "@switchboard/stand-ins/testing/signals";
import { SAMPLES_PER_FRAME } from "../../media/audio-format.ts";
import { MediaClock } from "../../media/clock.ts";
import { WavRecorder } from "../../media/wav-recorder.ts";
import { LiveKitCallAudio } from "./call-audio.ts";
import { FrameChunker, FrameRateError, monoSamples, toLiveKitFrame } from "./frames.ts";
import { RoomCallState } from "./room-call-state.ts";

// No LiveKit server is reachable here: these cover the parts that need none.

describe("LiveKit frame conversion", () => {
  test("a 20 ms internal frame becomes a 16 kHz mono AudioFrame holding a copy", () => {
    const pcm = sine(440, 16_000, SAMPLES_PER_FRAME);
    const frame = toLiveKitFrame(pcm);
    expect([frame.sampleRate, frame.channels, frame.samplesPerChannel]).toEqual([
      16_000,
      1,
      SAMPLES_PER_FRAME,
    ]);
    expect(Array.from(frame.data)).toEqual(Array.from(pcm));
    pcm[0] = 12_345;
    expect(frame.data[0]).not.toBe(12_345);
  });

  test("stereo frames are averaged to mono", () => {
    const frame = new AudioFrame(new Int16Array([100, 300, -200, -400, 7, 8]), 16_000, 2, 3);
    expect(Array.from(monoSamples(frame))).toEqual([200, -300, 8]);
  });

  test("10 ms frames are re-chunked into exact 20 ms frames, in order", () => {
    const chunker = new FrameChunker();
    const source = sine(300, 16_000, 160 * 5);
    const emitted: Int16Array[] = [];
    for (let index = 0; index < 5; index++) {
      const tenMs = source.slice(index * 160, (index + 1) * 160);
      chunker.push(new AudioFrame(tenMs, 16_000, 1, 160), (frame) => emitted.push(frame.slice()));
    }
    expect(emitted.length).toBe(2);
    expect(Array.from(emitted[0]!)).toEqual(Array.from(source.subarray(0, 320)));
    expect(Array.from(emitted[1]!)).toEqual(Array.from(source.subarray(320, 640)));
  });

  test("a frame at another rate is refused", () => {
    const chunker = new FrameChunker();
    expect(() => chunker.push(new AudioFrame(new Int16Array(480), 48_000, 1, 480), () => {})).toThrow(
      FrameRateError,
    );
  });
});

describe("room call state", () => {
  test("the first caller's audio starts the call; others and agents are ignored; the caller leaving ends it", () => {
    const state = new RoomCallState();
    expect(state.handle({ type: "participant_connected", identity: "agent-2", isAgent: true })).toEqual([]);
    expect(
      state.handle({ type: "track_subscribed", identity: "agent-2", kind: "audio", trackSid: "TR_a" }),
    ).toEqual([]);
    expect(
      state.handle({ type: "track_subscribed", identity: "alice", kind: "video", trackSid: "TR_v" }),
    ).toEqual([]);
    expect(
      state.handle({ type: "track_subscribed", identity: "alice", kind: "audio", trackSid: "TR_1" }),
    ).toEqual([
      { type: "start_call", identity: "alice", trackSid: "TR_1" },
      { type: "attach_audio", identity: "alice", trackSid: "TR_1" },
    ]);
    expect(state.caller).toBe("alice");
    expect(
      state.handle({ type: "track_subscribed", identity: "bob", kind: "audio", trackSid: "TR_2" }),
    ).toEqual([]);
    expect(state.handle({ type: "participant_disconnected", identity: "bob" })).toEqual([]);
    // A new microphone track replaces the old one.
    expect(
      state.handle({ type: "track_subscribed", identity: "alice", kind: "audio", trackSid: "TR_3" }),
    ).toEqual([
      { type: "detach_audio", trackSid: "TR_1" },
      { type: "attach_audio", identity: "alice", trackSid: "TR_3" },
    ]);
    expect(state.handle({ type: "participant_disconnected", identity: "alice" })).toEqual([
      { type: "end_call", cause: "caller_hangup" },
    ]);
    expect(state.isEnded).toBe(true);
    expect(state.handle({ type: "disconnected", reason: "CLIENT_INITIATED" })).toEqual([]);
  });

  test("a room that disconnects ends a started call; before any caller it ends nothing", () => {
    const idle = new RoomCallState();
    expect(idle.handle({ type: "disconnected", reason: "ROOM_DELETED" })).toEqual([]);
    const busy = new RoomCallState();
    busy.handle({ type: "track_subscribed", identity: "alice", kind: "audio", trackSid: "TR_1" });
    expect(busy.handle({ type: "track_unsubscribed", identity: "alice", trackSid: "TR_1" })).toEqual([
      { type: "detach_audio", trackSid: "TR_1" },
    ]);
    expect(busy.handle({ type: "disconnected", reason: "ROOM_DELETED" })).toEqual([
      { type: "end_call", cause: "room_disconnected" },
    ]);
  });
});

describe("LiveKitCallAudio", () => {
  test("caller frames reach the pipeline at 20 ms; agent audio leaves as AudioFrames; flush stops it", async () => {
    const clock = new MediaClock();
    const sent: AudioFrame[] = [];
    const audio = new LiveKitCallAudio(clock, async (frame) => {
      sent.push(frame);
    });
    const caller: Int16Array[] = [];
    audio.onFrame((frame) => caller.push(frame.slice()));
    const tone = sine(500, 16_000, 160 * 4);
    for (let index = 0; index < 4; index++) {
      audio.receiveFrame(new AudioFrame(tone.slice(index * 160, (index + 1) * 160), 16_000, 1, 160));
    }
    audio.enqueue(sine(1000, 16_000, SAMPLES_PER_FRAME * 3));
    await waitFor("frames both ways", () => sent.length >= 3 && caller.length >= 2);
    expect(Array.from(caller[0]!)).toEqual(Array.from(tone.subarray(0, 320)));
    expect(Array.from(caller[1]!)).toEqual(Array.from(tone.subarray(320, 640)));
    expect(
      sent.every((frame) => frame.sampleRate === 16_000 && frame.samplesPerChannel === SAMPLES_PER_FRAME),
    ).toBe(true);
    expect(audio.playedSamples).toBe(SAMPLES_PER_FRAME * 3);
    audio.enqueue(sine(1000, 16_000, 16_000));
    audio.flush();
    const before = sent.length;
    // Five more ticks (a caller frame each): no agent frame left after the flush.
    const ticks = caller.length;
    await waitFor("five ticks", () => caller.length >= ticks + 5);
    expect(sent.length).toBe(before);
    expect(audio.queuedSamples).toBe(0);
    expect(await audio.close()).toBeNull();
    expect(clock.subscriberCount).toBe(0);
  });

  test("with a recorder, the caller is recorded on the left and the agent on the right", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sb-livekit-audio-"));
    try {
      const clock = new MediaClock();
      const recorder = await WavRecorder.create(join(dir, "call.wav"), 16_000);
      const sent: AudioFrame[] = [];
      const audio = new LiveKitCallAudio(
        clock,
        async (frame) => {
          sent.push(frame);
        },
        recorder,
      );
      const heard: Int16Array[] = [];
      audio.onFrame((frame) => heard.push(frame.slice()));
      // Eight frames: what the inbound queue holds.
      const callerTone = sine(300, 16_000, SAMPLES_PER_FRAME * 8);
      audio.receiveFrame(new AudioFrame(callerTone, 16_000, 1, callerTone.length));
      audio.enqueue(sine(1200, 16_000, SAMPLES_PER_FRAME * 8));
      await waitFor("eight frames both ways", () => sent.length >= 8 && heard.length >= 8);
      const recording = await audio.close();
      expect(recording).not.toBeNull();
      const samples = new Int16Array((await readFile(recording!.path)).buffer.slice(44));
      const left = samples.filter((_sample, index) => index % 2 === 0);
      const right = samples.filter((_sample, index) => index % 2 === 1);
      // The first eight frames: caller tone left, agent tone right, in the order they were sent.
      expect(Array.from(left.subarray(0, callerTone.length))).toEqual(Array.from(callerTone));
      const agentSent = sent.flatMap((frame) => Array.from(frame.data));
      expect(Array.from(right.subarray(0, agentSent.length))).toEqual(agentSent);
      expect(recording!.durationS).toBeCloseTo(left.length / 16_000, 6);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
