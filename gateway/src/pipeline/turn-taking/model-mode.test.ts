// The `model` mode in the pipeline: the end-of-turn model hears the caller's turn when their
// speech stops and its probability moves the wait; without a model the agent decides as adaptive.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { startTestCall, type TestCall } from "../testing/test-call.ts";
import { loadEndOfTurnModel } from "./load-turn-model.ts";
import { SmartTurnModel } from "./smart-turn.ts";
import { writeTestTurnModel } from "./testing/turn-model.ts";

const MODEL = { mode: "model", min_silence_ms: 200, max_silence_ms: 2000 } as const;
let dir: string;
let call: TestCall | null = null;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "turn-model-mode-"));
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await call?.app.stop();
  call = null;
});

/** A caller's utterance with no transcript before the end: only the model and the timer decide. */
async function endpointingMsOf(turnModel: SmartTurnModel | null): Promise<number> {
  call = await startTestCall({
    agent: { turn: MODEL, endpointing: { silence_ms: 500 } },
    llm: [{ tokens: ["Okay."] }],
    stt: ["hello"],
    turnModel,
  });
  await call.speak(900);
  // The VAD stops after its hangover and the model is asked; it answers in real time, so the
  // manual clock waits for it rather than racing it.
  await call.silence(160);
  if (turnModel) await waitFor("the model's answer", () => turnModel.stats.predictions >= 1);
  await call.until(() => call!.agentTurns().length === 1, 4000);
  return call.agentTurns()[0]!.latency!.endpointing_ms!;
}

describe("model mode", () => {
  test("a model sure the turn is over ends it near min_silence_ms; one sure it is not waits towards the maximum", async () => {
    const done = await SmartTurnModel.load(writeTestTurnModel(join(dir, "done.onnx"), 0, 4));
    const quick = await endpointingMsOf(done);
    expect(done.stats.predictions).toBeGreaterThanOrEqual(1);
    await call!.app.stop();
    const going = await SmartTurnModel.load(writeTestTurnModel(join(dir, "going.onnx"), 0, -4));
    const slow = await endpointingMsOf(going);
    expect(quick).toBeLessThanOrEqual(260);
    expect(slow).toBeGreaterThanOrEqual(1800);
  });

  test("several calls pausing in the same tick share one model run", async () => {
    const model = await SmartTurnModel.load(writeTestTurnModel(join(dir, "shared.onnx"), 0, 4));
    const calls = await Promise.all(
      [0, 1, 2].map(() =>
        startTestCall({
          agent: { turn: MODEL },
          llm: [{ tokens: ["Okay."] }],
          stt: ["hi"],
          turnModel: model,
        }),
      ),
    );
    try {
      for (let t = 0; t < 800; t += 20) await Promise.all(calls.map((each) => each.tick(true)));
      for (let t = 0; t < 200; t += 20) await Promise.all(calls.map((each) => each.tick(false)));
      await waitFor("the three predictions", () => model.stats.predictions === 3);
      expect(model.stats.runs).toBe(1);
    } finally {
      await Promise.all(calls.map((each) => each.app.stop()));
    }
  });

  test("without the model file the agent decides as adaptive: no transcript waits endpointing.silence_ms", async () => {
    const missing = await loadEndOfTurnModel(join(dir, "absent.onnx"));
    expect(missing).toBeNull();
    const waited = await endpointingMsOf(null);
    expect(waited).toBeGreaterThanOrEqual(480);
    expect(waited).toBeLessThanOrEqual(540);
  });
});
