import { describe, expect, test } from "bun:test";
import { ManualClock } from "../pipeline/testing/manual-clock.ts";
import type { RunningApplication } from "./application.ts";
import { CallEnd, GOODBYE_GRACE_MS, MAX_DURATION_GOODBYE } from "./call-end.ts";

/** A call's end on a manual clock, with what the transport was asked to do. */
function callEnd() {
  const clock = new ManualClock(0);
  const hangUps: { cause: string; atMs: number }[] = [];
  const end = new CallEnd({
    hangUp: async (cause) => {
      hangUps.push({ cause, atMs: clock.now() });
    },
    timers: clock,
  });
  return { clock, hangUps, end };
}

/** An application that records its goodbyes and hangs up when the test says it was heard. */
function speakingApplication(end: CallEnd) {
  const goodbyes: { text: string; cause: string }[] = [];
  const application: RunningApplication = {
    async stop() {},
    sayGoodbye(text, cause) {
      goodbyes.push({ text, cause });
    },
  };
  end.attach(application);
  return {
    goodbyes,
    heard: () => end.hangup(goodbyes.at(-1)!.cause),
  };
}

describe("the end of a call", () => {
  test("at max_duration_s the application says the goodbye and the call ends once it was heard", async () => {
    const { clock, hangUps, end } = callEnd();
    const application = speakingApplication(end);
    end.startCap({ seconds: 30, cause: "max_duration" });
    clock.advance(29_999);
    expect(application.goodbyes).toEqual([]);
    clock.advance(1);
    expect(application.goodbyes).toEqual([{ text: MAX_DURATION_GOODBYE, cause: "max_duration" }]);
    expect(end.goodbyeInProgress).toBe("max_duration");
    // The goodbye is playing: nothing cuts the call meanwhile.
    clock.advance(3000);
    expect(hangUps).toEqual([]);
    await application.heard();
    expect(hangUps).toEqual([{ cause: "max_duration", atMs: 33_000 }]);
    // The grace period was cancelled with the hang-up.
    clock.advance(GOODBYE_GRACE_MS);
    expect(hangUps).toHaveLength(1);
  });

  test("a goodbye that is not heard within the grace period is cut with its cause", () => {
    const { clock, hangUps, end } = callEnd();
    const application = speakingApplication(end);
    end.goodbye("Closing. Bye.", "gateway_shutdown");
    clock.advance(GOODBYE_GRACE_MS - 1);
    expect(hangUps).toEqual([]);
    clock.advance(1);
    expect(application.goodbyes).toHaveLength(1);
    expect(hangUps).toEqual([{ cause: "gateway_shutdown", atMs: GOODBYE_GRACE_MS }]);
  });

  test("a spent balance ends the call at its cap at once: nothing pays for a goodbye", () => {
    const { clock, hangUps, end } = callEnd();
    const application = speakingApplication(end);
    end.startCap({ seconds: 2, cause: "credits_exhausted" });
    clock.advance(2000);
    expect(application.goodbyes).toEqual([]);
    expect(hangUps).toEqual([{ cause: "credits_exhausted", atMs: 2000 }]);
  });

  test("without an application that can speak, a goodbye hangs up at once", () => {
    const { hangUps, end } = callEnd();
    end.goodbye("Bye.", "gateway_shutdown");
    expect(hangUps).toEqual([{ cause: "gateway_shutdown", atMs: 0 }]);

    const silent = callEnd();
    silent.end.attach({ async stop() {} });
    silent.end.goodbye("Bye.", "max_duration");
    expect(silent.hangUps).toEqual([{ cause: "max_duration", atMs: 0 }]);
  });

  test("the first decision stands: a second goodbye is not said, a second hang-up waits for the first", async () => {
    const { hangUps, end } = callEnd();
    const application = speakingApplication(end);
    end.goodbye("Time is up. Goodbye.", "max_duration");
    end.goodbye("Closing. Bye.", "gateway_shutdown");
    expect(application.goodbyes).toEqual([{ text: "Time is up. Goodbye.", cause: "max_duration" }]);
    // The caller hung up on an API request meanwhile: that ends the call, once.
    const first = end.hangup("api_hangup");
    expect(end.hangup("max_duration")).toBe(first);
    await first;
    expect(hangUps.map((hangUp) => hangUp.cause)).toEqual(["api_hangup"]);
    end.goodbye("Again.", "max_duration");
    expect(application.goodbyes).toHaveLength(1);
  });

  test("a call that ended (the caller hung up) schedules nothing more", () => {
    const { clock, hangUps, end } = callEnd();
    const application = speakingApplication(end);
    end.startCap({ seconds: 5, cause: "max_duration" });
    end.close();
    clock.advance(60_000);
    end.goodbye("Bye.", "gateway_shutdown");
    expect(application.goodbyes).toEqual([]);
    expect(hangUps).toEqual([]);
  });
});
