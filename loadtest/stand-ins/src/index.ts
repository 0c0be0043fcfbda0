// Starts every stand-in on loopback (ephemeral ports) for tests and benchmarks. Gateway code
// never imports this: it reaches the stand-ins only through the *_BASE_URL settings.
import { startDeepgramStandIn } from "./deepgram.ts";
import { startElevenLabsStandIn } from "./elevenlabs.ts";
import { type Fault, type StandInService, StandInState } from "./faults.ts";
import { startGeminiLiveStandIn } from "./gemini-live.ts";
import { startOpenAiStandIn } from "./openai.ts";
import { RealtimeLog } from "./realtime-log.ts";
import { type PartialScript, resolveScript, type StandInScript } from "./script.ts";
import { type StripeStandIn, startStripeStandIn } from "./stripe.ts";
import { startTelnyxStandIn, type TelnyxStandIn } from "./telnyx.ts";
import { startTwilioStandIn, type TwilioStandIn } from "./twilio.ts";

export type { Fault, StandInService } from "./faults.ts";
export type { RealtimeConnectionRecord, RealtimeLog } from "./realtime-log.ts";
export type { RealtimeRule, RealtimeScript } from "./realtime-script.ts";
export type { PartialScript, StandInScript } from "./script.ts";
export type { StripeStandIn } from "./stripe.ts";
export type { TelnyxStandIn } from "./telnyx.ts";
export type { TwilioStandIn } from "./twilio.ts";

export interface StandInUrls {
  /** For OPENAI_BASE_URL; the Realtime WebSocket is at `${openai}/realtime` (ws://). */
  openai: string;
  /** For DEEPGRAM_BASE_URL. */
  deepgram: string;
  /** For ELEVENLABS_BASE_URL. */
  elevenlabs: string;
  /** For GEMINI_BASE_URL (@google/genai `httpOptions.baseUrl`): Gemini Live's WebSocket. */
  gemini: string;
  /** For TWILIO_BASE_URL, TELNYX_BASE_URL and STRIPE_BASE_URL. */
  twilio: string;
  telnyx: string;
  stripe: string;
}

/** The carrier and payment stand-ins, with their credentials and signed callbacks. */
export interface CarrierStandIns {
  twilio: TwilioStandIn;
  telnyx: TelnyxStandIn;
  stripe: StripeStandIn;
}

export interface StandIns {
  urls: StandInUrls;
  /** The resolved script; tests may change fields between requests. */
  script: StandInScript;
  state: StandInState;
  /** What the speech-to-speech stand-ins received, per connection. */
  realtime: { openai: RealtimeLog; gemini: RealtimeLog };
  carriers: CarrierStandIns;
  failNext(service: StandInService, fault: Fault, count?: number): void;
  stop(): Promise<void>;
}

export function startStandIns(partial: PartialScript = {}): StandIns {
  const script = resolveScript(partial);
  const state = new StandInState();
  const realtime = { openai: new RealtimeLog(), gemini: new RealtimeLog() };
  const openai = startOpenAiStandIn(script, state, realtime.openai);
  const deepgram = startDeepgramStandIn(script, state);
  const elevenlabs = startElevenLabsStandIn(script, state);
  const gemini = startGeminiLiveStandIn(script, state, realtime.gemini);
  const carriers = {
    twilio: startTwilioStandIn(),
    telnyx: startTelnyxStandIn(),
    stripe: startStripeStandIn(),
  };
  return {
    urls: {
      openai: `http://127.0.0.1:${openai.port}/v1`,
      deepgram: `ws://127.0.0.1:${deepgram.port}/v1`,
      elevenlabs: `http://127.0.0.1:${elevenlabs.port}/v1`,
      gemini: `http://127.0.0.1:${gemini.port}`,
      twilio: carriers.twilio.url,
      telnyx: carriers.telnyx.url,
      stripe: carriers.stripe.url,
    },
    script,
    state,
    realtime,
    carriers,
    failNext: (service, fault, count) => state.failNext(service, fault, count),
    async stop() {
      await Promise.all([
        openai.stop(true),
        deepgram.stop(true),
        elevenlabs.stop(true),
        gemini.stop(true),
        carriers.twilio.stop(),
        carriers.telnyx.stop(),
        carriers.stripe.stop(),
      ]);
    },
  };
}
