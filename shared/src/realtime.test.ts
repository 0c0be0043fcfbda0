// REALTIME_TOKEN_PRICES as the operator writes it, and what a call's usage costs at it.
import { describe, expect, test } from "bun:test";
import { ConfigError, loadConfig } from "./config.ts";
import { parseRealtimeTokenPrices, realtimeCostCents, realtimeUsageOf } from "./realtime.ts";

const usage = {
  model: "gpt-realtime",
  input_audio_tokens: 1500,
  output_audio_tokens: 2500,
  text_tokens: 800,
};

describe("realtime token prices", () => {
  test("the configuration reads them per model; unset, there are none", () => {
    const config = loadConfig({
      REALTIME_TOKEN_PRICES: '{"gpt-realtime": {"input_audio": 3200, "output_audio": 6400, "text": 1000}}',
    });
    expect(config.realtimeTokenPrices).toEqual({
      "gpt-realtime": { input_audio: 3200, output_audio: 6400, text: 1000 },
    });
    expect(loadConfig({}).realtimeTokenPrices).toEqual({});
  });

  test("bad values stop the start with the setting named", () => {
    for (const raw of ["not json", "[1]", '{"m": {"input_audio": -1}}', '{"m": {"audio": 5}}', '{"m": 3}']) {
      let error: unknown;
      try {
        loadConfig({ REALTIME_TOKEN_PRICES: raw });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems[0]).toStartWith("REALTIME_TOKEN_PRICES ");
    }
  });

  test("a usage costs its tokens at its model's price (or `*`), rounded up to a cent", () => {
    const parsed = parseRealtimeTokenPrices(
      '{"gpt-realtime": {"input_audio": 3200, "output_audio": 6400, "text": 1000}, "*": {"text": 0.5}}',
    );
    if (!("prices" in parsed)) throw new Error(parsed.problem);
    // 1500 x 3200 + 2500 x 6400 + 800 x 1000 = 21.6 million micro-cents.
    expect(realtimeCostCents(parsed.prices, usage)).toBe(22);
    // Unlisted: `*`, whose unset kinds cost nothing; 800 x 0.5 micro-cents rounds up to one cent.
    expect(realtimeCostCents(parsed.prices, { ...usage, model: "gemini-live" })).toBe(1);
    expect(realtimeCostCents({}, usage)).toBe(0);
  });

  test("a reported usage is taken only when well formed", () => {
    expect(realtimeUsageOf(usage)).toEqual(usage);
    expect(realtimeUsageOf(null)).toBeNull();
    expect(realtimeUsageOf({ ...usage, text_tokens: 1.5 })).toBeNull();
    expect(realtimeUsageOf({ ...usage, extra: 1 })).toBeNull();
  });
});
