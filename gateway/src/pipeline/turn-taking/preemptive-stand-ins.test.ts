// A preemptive reply in real time through the real adapters: Deepgram's interims (stand-in)
// settle before its final, the OpenAI chat stand-in takes 250 ms to its first token, and the
// confirmed turn uses the one request already made.
import { afterAll, afterEach, expect, test } from "bun:test";
import { type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import { DeepgramStt } from "../../providers/deepgram/stt.ts";
import { OpenAiLlm } from "../../providers/openai/llm.ts";
import { startTestCall, type TestCall } from "../testing/test-call.ts";

const REPLY = "We open at nine every morning.";
const standIns: StandIns = startStandIns({
  deepgram: { utterances: ["When do you open?"], finalizationDelayMs: 80, interimEveryMs: 100 },
  llm: { firstTokenMs: 250, interTokenMs: 2, rules: [{ match: "open", reply: REPLY }] },
});
afterAll(() => standIns.stop());

let call: TestCall | null = null;
afterEach(async () => {
  await call?.app.stop();
  call = null;
});

test("the reply requested on a settled interim is the one the confirmed turn speaks: one request, reported as preemptive", async () => {
  call = await startTestCall({
    realTime: true,
    providers: {
      llm: new OpenAiLlm({ baseUrl: standIns.urls.openai, apiKey: null }),
      stt: new DeepgramStt({ baseUrl: standIns.urls.deepgram, apiKey: null, endpointingMs: 200 }),
    },
  });
  // Long enough for the stand-in's interims to reach the whole utterance.
  await call.speak(2400);
  await call.untilReal(() => call!.agentTurns().length === 1, 10_000, "the agent's reply");
  expect(standIns.state.of("chat").requests).toBe(1);
  expect(call.turns.map((turn) => [turn.role, turn.text])).toEqual([
    ["user", "When do you open?"],
    ["agent", REPLY],
  ]);
  const latency = call.agentTurns()[0]!.latency!;
  expect(latency.preemptive).toBe(true);
  // How much it saved depends on real timing (about 170 ms here); the benchmark measures it.
  expect(latency.preemptive_saved_ms).toBeGreaterThanOrEqual(0);
  expect(call.history.slice(1)).toEqual([
    { role: "user", content: "When do you open?" },
    { role: "assistant", content: REPLY },
  ]);
}, 20_000);
