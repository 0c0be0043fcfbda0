// The end-of-turn decision at one moment of silence: each piece of evidence adds log-odds that
// the caller is done, and the sum moves the silence to wait from the agent's base towards its
// minimum (likely done) or its maximum (likely going on). Pure: the endpointing processor
// gathers the evidence and asks again whenever some of it changes.

import type { TurnPolicy } from "./policy.ts";
import { answerCueLogit, type ExpectedAnswer } from "./question-cues.ts";
import { transcriptCue } from "./transcript-cues.ts";

export interface TurnEvidence {
  /** The caller's words so far in this turn (finals, then the latest interim). */
  transcript: string;
  /** The STT reported the end of the utterance (Deepgram speech_final) since the caller last spoke. */
  sttEndOfSpeech: boolean;
  /** The STT heard no words for a while (Deepgram UtteranceEnd) since the caller last spoke. */
  sttUtteranceEnd: boolean;
  /** Log-odds from the VAD's probability trend (vad-trend.ts). */
  vadLogit: number;
  /** What the agent's last question asks for. */
  expected: ExpectedAnswer;
  /** The end-of-turn model's probability that the turn is over; null when none ran. */
  modelProbability: number | null;
}

export interface TurnDecision {
  /** Silence after the caller's speech end to wait before ending the turn. */
  waitMs: number;
  /** How likely the turn is over, in [0, 1]. */
  endLikelihood: number;
}

/** Weak: outside fixed mode Deepgram's own endpointing is min_silence_ms, little beyond our timer. */
export const STT_END_OF_SPEECH_LOGIT = 0.5;
export const STT_UTTERANCE_END_LOGIT = 2;
/** The audio model hears intonation and pace the words lack: it counts more than one cue. */
export const MODEL_WEIGHT = 1.5;

function logitOf(probability: number): number {
  const p = Math.min(0.98, Math.max(0.02, probability));
  return Math.log(p / (1 - p));
}

/** The evidence's log-odds that the turn is over. */
export function endOfTurnLogit(evidence: TurnEvidence, englishWords = true): number {
  const sentence = transcriptCue(evidence.transcript, englishWords).logit;
  const answer = answerCueLogit(evidence.expected, evidence.transcript);
  // A digit group awaited outweighs the full stop an STT puts after each group ("555.").
  const words = answer < 0 ? answer + Math.min(0, sentence) : sentence + answer;
  let total = words + evidence.vadLogit;
  // speech_final and UtteranceEnd are the STT's own silence timers: they say the caller has been
  // quiet a while, which our silence clock already knows. Against words that say the clause is
  // unfinished ("... because", "... um,") they add nothing: a speaker who stops after a
  // conjunction is searching for words, however long the pause (max_silence_ms bounds it).
  if (words >= 0) {
    if (evidence.sttEndOfSpeech) total += STT_END_OF_SPEECH_LOGIT;
    if (evidence.sttUtteranceEnd) total += STT_UTTERANCE_END_LOGIT;
  }
  if (evidence.modelProbability !== null) total += MODEL_WEIGHT * logitOf(evidence.modelProbability);
  return total;
}

export function decideSilence(evidence: TurnEvidence, policy: TurnPolicy): TurnDecision {
  const total = endOfTurnLogit(evidence, policy.englishWords);
  const endLikelihood = 1 / (1 + Math.exp(-total));
  const { baseSilenceMs: base, minSilenceMs: min, maxSilenceMs: max } = policy;
  let waitMs = base;
  if (policy.mode !== "fixed") {
    waitMs = total >= 0 ? base - (base - min) * Math.tanh(total) : base + (max - base) * Math.tanh(-total);
  }
  return { waitMs: Math.round(waitMs), endLikelihood };
}
