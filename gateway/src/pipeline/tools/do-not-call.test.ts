import { describe, expect, test } from "bun:test";
import type { CallReporter } from "../../call-core/application.ts";
import { ToolRegistry } from "./registry.ts";
import type { ToolContext } from "./types.ts";

function contextWith(reporter?: CallReporter): ToolContext {
  return {
    signal: new AbortController().signal,
    sendDtmf: async () => {},
    control: { hangup: async () => {}, transfer: async () => ({ ok: false, status: null, reason: "" }) },
    waitForSpeech: async () => {},
    logger: null,
    reporter,
  };
}

describe("add_to_do_not_call", () => {
  const registry = new ToolRegistry([{ type: "add_to_do_not_call" }], {
    urlPolicy: { allowPrivate: false } as never,
  });

  test("the model sees it by its default name and its call reports the request with the reason", async () => {
    expect(registry.definitions.map((definition) => definition.name)).toEqual(["add_to_do_not_call"]);
    const reasons: (string | null)[] = [];
    const result = await registry.execute(
      { id: "t1", name: "add_to_do_not_call", arguments: '{"reason":"asked not to be called"}' },
      contextWith({ turn: () => {}, doNotCall: (reason) => reasons.push(reason) }),
    );
    expect(JSON.parse(result.content)).toEqual({ ok: true });
    expect(reasons).toEqual(["asked not to be called"]);
  });

  test("a call with no number to list answers the model that it is not available", async () => {
    const result = await registry.execute(
      { id: "t2", name: "add_to_do_not_call", arguments: "{}" },
      contextWith({ turn: () => {} }),
    );
    expect(JSON.parse(result.content).ok).toBe(false);
  });
});
