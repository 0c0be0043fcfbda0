// No Whisper weights can be fetched on this machine, so this covers what can be covered:
// with MODELS_DIR set remote downloads stay off and a missing model fails at open, clearly
// and finally.
import { expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withSttBase } from "../base/stt.ts";
import { expectRejection } from "../testing/support.ts";
import { ProviderError } from "../types.ts";
import { WhisperStt } from "./stt.ts";

test("a model missing from MODELS_DIR is a final error naming the model, with no download tried", async () => {
  const modelsDir = mkdtempSync(join(tmpdir(), "whisper-models-"));
  try {
    const provider = withSttBase(new WhisperStt({ modelId: "onnx-community/whisper-tiny.en", modelsDir }), {
      policy: { baseDelayMs: 1 },
    });
    const error = await expectRejection(
      provider.open(
        { model: "onnx-community/whisper-tiny.en", language: "en", sampleRateHz: 16_000 },
        () => {},
        () => {},
      ),
    );
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).retryable).toBe(false);
    expect((error as ProviderError).message).toContain("onnx-community/whisper-tiny.en");
    expect((error as ProviderError).message).toContain(modelsDir);
    const { env } = await import("@huggingface/transformers");
    expect(env.allowRemoteModels).toBe(false);
    expect(env.localModelPath).toBe(`${modelsDir}/`);
  } finally {
    rmSync(modelsDir, { recursive: true, force: true });
  }
}, 60_000);

test("audio at another rate than 16 kHz is refused", async () => {
  const provider = new WhisperStt({ modelId: "onnx-community/whisper-tiny.en", modelsDir: null });
  const error = await expectRejection(
    provider.open(
      { model: "x", language: "en", sampleRateHz: 8_000 },
      () => {},
      () => {},
    ),
  );
  expect((error as ProviderError).retryable).toBe(false);
});
