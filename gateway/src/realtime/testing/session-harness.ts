// Test support for the realtime adapters (OpenAI Realtime, Gemini Live) against their
// stand-ins: the stand-ins for the file, one session per test closed after it, the events the
// adapter delivered, and a connect with the session settings the suites share.
import { afterAll, afterEach, beforeAll } from "bun:test";
import { type PartialScript, type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import type { RealtimeEvent, RealtimeSession, RealtimeSessionConfig } from "../session.ts";

export const END_CALL_TOOL = {
  name: "end_call",
  description: "End the call.",
  parameters: { type: "object", properties: {} },
};

interface HarnessOptions {
  script: PartialScript;
  model: string;
  voice: string;
  /** Opens the adapter's session on the stand-ins. */
  open(
    standIns: StandIns,
    session: RealtimeSessionConfig,
    listener: (event: RealtimeEvent) => void,
  ): Promise<RealtimeSession>;
  /** Clears the stand-in's record of sessions between tests. */
  reset(standIns: StandIns): void;
}

export class RealtimeSessionHarness {
  readonly received: RealtimeEvent[] = [];
  private session: RealtimeSession | null = null;
  private started: StandIns | null = null;

  constructor(private readonly options: HarnessOptions) {
    beforeAll(() => {
      this.started = startStandIns(options.script);
    });
    afterEach(() => {
      this.session?.close();
      this.session = null;
      this.received.length = 0;
      if (this.started) options.reset(this.started);
    });
    afterAll(async () => {
      await this.started?.stop();
    });
  }

  get standIns(): StandIns {
    if (!this.started) throw new Error("the stand-ins start in beforeAll");
    return this.started;
  }

  async connect(overrides: Partial<RealtimeSessionConfig> = {}): Promise<RealtimeSession> {
    this.session = await this.options.open(
      this.standIns,
      {
        model: this.options.model,
        voice: this.options.voice,
        instructions: "You take table bookings.",
        tools: [END_CALL_TOOL],
        turnDetection: "server_vad",
        narrowbandCodec: null,
        callRateHz: 16_000,
        ...overrides,
      },
      (event) => this.received.push(event),
    );
    return this.session;
  }

  count(type: RealtimeEvent["type"]): number {
    return this.received.filter((event) => event.type === type).length;
  }
}
