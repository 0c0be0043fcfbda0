// The destination's answer by voice: its leg's audio goes to the agent's own STT provider, each
// utterance the VAD ends is transcribed, and the first one that says yes or no decides.
import type { SttOptions, SttProvider } from "../providers/types.ts";
import { CallerSpeech } from "../realtime/caller-speech.ts";
import type { VadEngine } from "../vad/engine.ts";
import type { AudioTicks } from "./audio-ticks.ts";

const DECLINE = /\b(no|nope|decline|not now|can't|cannot)\b/i;
const ACCEPT = /\b(yes|yeah|yep|sure|okay|ok|accept|put (?:them|him|her) through)\b/i;

/** true: accepts, false: declines, null: neither (a question, a greeting). */
export function spokenAnswer(text: string): boolean | null {
  if (DECLINE.test(text)) return false;
  if (ACCEPT.test(text)) return true;
  return null;
}

export interface SpokenAnswerListener {
  stop(): Promise<void>;
}

export async function listenForSpokenAnswer(
  legTicks: AudioTicks,
  engines: { vad: VadEngine; stt: SttProvider; sttOptions: SttOptions; now(): number },
  onAnswer: (accepted: boolean) => void,
): Promise<SpokenAnswerListener> {
  const session = await engines.stt.open(
    engines.sttOptions,
    (event) => {
      if (!event.isFinal || !event.text) return;
      const answer = spokenAnswer(event.text);
      if (answer !== null) onAnswer(answer);
    },
    // An STT failure leaves the keypad: nothing to do here.
    () => {},
  );
  const speech = new CallerSpeech(engines.vad.createStream({ narrowband: true }), {
    started: () => {},
    stopped: () => session.flush(),
  });
  const remove = legTicks.add((frame) => {
    session.sendAudio(frame);
    speech.push(frame, engines.now());
  });
  return {
    async stop() {
      remove();
      speech.close();
      await session.close();
    },
  };
}
