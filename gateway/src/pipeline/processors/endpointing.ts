import type { PipelineClock, TimerHandle } from "../clock.ts";
import type { Frame } from "../frames.ts";
import { type Direction, Processor } from "../processor.ts";
import { emptyTimeline } from "../turn.ts";
import { CallerAudioWindow } from "../turn-taking/caller-audio-window.ts";
import { decideSilence, type TurnDecision, type TurnEvidence } from "../turn-taking/decider.ts";
import type { EndOfTurnModel } from "../turn-taking/end-of-turn-model.ts";
import type { TurnPolicy } from "../turn-taking/policy.ts";
import { sameWords } from "../turn-taking/preemptive-reply.ts";
import { type ExpectedAnswer, expectedAnswer } from "../turn-taking/question-cues.ts";
import { transcriptCue } from "../turn-taking/transcript-cues.ts";
import { VadTrend } from "../turn-taking/vad-trend.ts";
import { DEFAULT_VAD_OPTIONS } from "./vad.ts";

interface EndpointingOptions {
  /** The mode and the silence bounds (turn-taking/policy.ts). */
  policy: TurnPolicy;
  /** How long to wait for the STT's final transcript after a flush. */
  sttFinalTimeoutMs: number;
  /** Digits pressed within this window reach the model together ('#' sends at once). */
  dtmfGroupMs: number;
  /** The end-of-turn audio model (mode `model`); without one the mode is adaptive. */
  turnModel?: EndOfTurnModel | null;
  /**
   * Let the LLM start early (`preemptive_turn`) once the end is this likely and the transcript
   * is settled; null: never.
   */
  preemptAtLikelihood?: number | null;
}

/** A transcript heard after the caller stopped whose end is at least this likely starts the reply early. */
export const DEFAULT_PREEMPT_AT_LIKELIHOOD = 0.8;

/**
 * Decides when the caller's turn is over. At each moment of silence after the VAD's speech end
 * it weighs the evidence (turn-taking/decider.ts) and waits that long, then asks the STT for its
 * final transcript. `fixed` waits `endpointing.silence_ms` and ends at once on the STT's own
 * end-of-speech, as the STT's endpoint is then the same window.
 */
export class EndpointingProcessor extends Processor {
  readonly name = "endpointing";
  override readonly handlesAudio: boolean;
  private inSpeech = false;
  private turnOpen = false;
  private turnStartedAt = 0;
  private speechEndAt: number | null = null;
  private endpointAt: number | null = null;
  private awaitingFinal = false;
  private finals: string[] = [];
  /** The latest interim text after the last final ("" when the finals cover everything heard). */
  private interim = "";
  private sttEndOfSpeech = false;
  /** The caller spoke after the STT's last result: the words so far may miss the latest. */
  private speechSinceTranscript = false;
  /** A final result came after the caller last started speaking. */
  private finalSinceSpeech = false;
  private sttUtteranceEnd = false;
  private readonly vadTrend = new VadTrend();
  /**
   * Still in speech for the VAD, but its latest window was under the start threshold: Silero's
   * probability is falling, and the stop may be coming.
   */
  private fallingInSpeech = false;
  private expected: ExpectedAnswer = expectedAnswer("");
  private agentTurnText: () => string = () => "";
  private modelProbability: number | null = null;
  private modelRequest = 0;
  private readonly audioWindow: CallerAudioWindow | null;
  private preempted: string | null = null;
  /** When the reply on `preempted` started, and when the latest words arrived (for the log). */
  private preemptedAt: number | null = null;
  private wordsAt: number | null = null;
  /** What the latest decision weighed (logged when the turn ends, to explain it). */
  private lastEvidence: TurnEvidence | null = null;
  private lastDecision: TurnDecision | null = null;
  private silenceTimer: TimerHandle | null = null;
  private deadlineAt: number | null = null;
  private finalTimer: TimerHandle | null = null;
  private digits = "";
  private digitTimer: TimerHandle | null = null;

  constructor(
    private readonly clock: PipelineClock,
    private readonly options: EndpointingOptions,
  ) {
    super();
    const model = options.policy.mode === "model" ? (options.turnModel ?? null) : null;
    this.audioWindow = model ? new CallerAudioWindow() : null;
    this.handlesAudio = model !== null;
  }

  protected override process(frame: Frame, direction: Direction): void {
    switch (frame.type) {
      case "audio_in":
        this.audioWindow?.add(frame.pcm);
        break;
      case "vad_probability":
        if (this.turnOpen && !this.inSpeech) {
          this.vadTrend.add(frame.probability);
          this.evaluate();
        } else if (this.turnOpen) {
          this.onVadInSpeech(frame.probability);
        }
        return;
      case "user_speech_started":
        this.inSpeech = true;
        this.fallingInSpeech = false;
        this.cancelSilenceTimer();
        this.cancelPreemption();
        this.sttEndOfSpeech = false;
        this.sttUtteranceEnd = false;
        this.speechSinceTranscript = true;
        this.finalSinceSpeech = false;
        this.modelProbability = null;
        this.modelRequest++;
        this.vadTrend.reset();
        if (!this.turnOpen) {
          this.turnOpen = true;
          this.turnStartedAt = frame.atMs;
          this.expected = expectedAnswer(this.agentTurnText());
          this.audioWindow?.markTurnStart();
        }
        break;
      case "user_speech_stopped":
        this.inSpeech = false;
        this.speechEndAt = frame.atMs;
        this.askModel();
        this.evaluate();
        break;
      case "agent_turn_started": {
        // Read when the caller next starts: by then the question has been generated.
        const turn = frame.turn;
        this.agentTurnText = () => turn.generatedText;
        break;
      }
      case "transcript":
        this.onTranscript(frame.text, frame.isFinal, frame.endOfSpeech, frame.utteranceEnd === true);
        return;
      case "dtmf":
        this.onDigit(frame.digit);
        return;
      case "end":
        this.cancelSilenceTimer();
        this.finalTimer?.cancel();
        this.digitTimer?.cancel();
        break;
    }
    this.push(frame, direction);
  }

  private onTranscript(text: string, isFinal: boolean, endOfSpeech: boolean, utteranceEnd: boolean): void {
    if (utteranceEnd) {
      if (!this.inSpeech) this.sttUtteranceEnd = true;
      this.evaluate();
      return;
    }
    const words = text.trim();
    if (words || isFinal) this.speechSinceTranscript = false;
    if (words) this.wordsAt = this.clock.now();
    // Interruption judges speech over the agent on these before the turn ends.
    if (words && this.turnOpen) this.push({ type: "caller_words", text: [...this.finals, words].join(" ") });
    if (!isFinal) {
      this.interim = words;
      this.evaluate();
      this.preemptInHangover();
      return;
    }
    if (words) this.finals.push(words);
    this.interim = "";
    this.finalSinceSpeech = true;
    if (!endOfSpeech) {
      this.evaluate();
      this.preemptInHangover();
      return;
    }
    if (this.awaitingFinal) {
      this.complete(this.clock.now());
      return;
    }
    if (this.inSpeech) return;
    this.sttEndOfSpeech = true;
    if (words && (this.options.policy.mode === "fixed" || !this.turnOpen)) {
      // The STT heard the end of the utterance before our silence window ran out (or heard
      // words the VAD missed).
      if (!this.turnOpen) this.turnStartedAt = this.clock.now();
      this.endpointAt = this.clock.now();
      this.push({ type: "stt_flush" }, "upstream");
      this.complete(this.endpointAt);
      return;
    }
    this.evaluate();
  }

  private transcript(): string {
    return this.interim ? [...this.finals, this.interim].join(" ") : this.finals.join(" ");
  }

  private evidence(): TurnEvidence {
    return {
      // Words that predate the caller's latest speech would judge the wrong ending.
      transcript: this.speechSinceTranscript ? "" : this.transcript(),
      sttEndOfSpeech: this.sttEndOfSpeech,
      sttUtteranceEnd: this.sttUtteranceEnd,
      vadLogit: this.vadTrend.logit(),
      expected: this.expected,
      modelProbability: this.modelProbability,
    };
  }

  /**
   * The VAD confirms a stop only after `stopHangoverMs` of quiet windows, and Silero's
   * probability stays high for 100-150 ms after the last sound before it decays: the stop comes
   * 200-300 ms after the speech end, and the end of turn cannot come sooner. A reply on words
   * that end the turn may start as soon as the probability falls under the start threshold, a
   * window or two before the first quiet one (the words, which the STT reveals about 150 ms after
   * they were said, often arrive in between); speech again within the hangover cancels it.
   */
  private onVadInSpeech(probability: number): void {
    if (probability >= DEFAULT_VAD_OPTIONS.startThreshold) {
      this.fallingInSpeech = false;
      if (this.preempted !== null) {
        // The caller went on after the words the reply answers: they are no longer the turn's.
        this.speechSinceTranscript = true;
        this.finalSinceSpeech = false;
        this.cancelPreemption();
      }
      return;
    }
    if (this.fallingInSpeech) return;
    this.fallingInSpeech = true;
    this.preemptInHangover();
  }

  /** Words heard (or the VAD's probability falling) before the VAD's stop: a reply may start on them. */
  private preemptInHangover(): void {
    if (!this.turnOpen || !this.inSpeech) return;
    const text = this.settledTranscript();
    // Words the reply no longer answers: it goes whatever the VAD says.
    if (this.preempted !== null && (text === null || !sameWords(this.preempted, text)))
      this.cancelPreemption();
    if (this.fallingInSpeech) this.maybePreempt(decideSilence(this.evidence(), this.options.policy));
  }

  /** Weighs the evidence now: ends the turn if it has waited long enough, else (re)arms the timer. */
  private evaluate(): void {
    if (!this.turnOpen || this.inSpeech || this.awaitingFinal || this.speechEndAt === null) return;
    const evidence = this.evidence();
    const decision = decideSilence(evidence, this.options.policy);
    this.lastEvidence = evidence;
    this.lastDecision = decision;
    this.maybePreempt(decision);
    const deadlineAt = this.speechEndAt + decision.waitMs;
    if (deadlineAt === this.deadlineAt) return;
    this.cancelSilenceTimer();
    const now = this.clock.now();
    if (now >= deadlineAt) {
      this.endpoint();
      return;
    }
    this.deadlineAt = deadlineAt;
    this.silenceTimer = this.clock.setTimer(deadlineAt - now, () => this.endpoint());
  }

  private askModel(): void {
    const model = this.options.turnModel;
    if (!model || !this.audioWindow) return;
    const request = ++this.modelRequest;
    model.predict(this.audioWindow.turnAudio()).then(
      (probability) => {
        if (request !== this.modelRequest) return;
        this.modelProbability = probability;
        this.evaluate();
      },
      (error) => this.logger?.warn({ err: error }, "end-of-turn model failed; deciding without it"),
    );
  }

  /**
   * Words to start a reply on: all in final results, one of them after the latest speech; or
   * an interim that came after the latest speech. The interim is taken at once, not after it
   * has held still: a streaming STT reveals a word some 150 ms after it was said, and an
   * adaptive end of turn after a complete sentence comes about 200 ms after the speech end, so
   * waiting for the interim to settle left the request almost no head start. If the words
   * change, the reply on the old ones is cancelled (nothing of it was spoken) and another starts.
   */
  private settledTranscript(): string | null {
    if (this.speechSinceTranscript) return null;
    if (!this.interim) return this.finalSinceSpeech ? this.finals.join(" ") || null : null;
    return this.transcript();
  }

  private maybePreempt(decision: TurnDecision): void {
    const threshold = this.options.preemptAtLikelihood;
    if (threshold === null || threshold === undefined) return;
    const text = this.settledTranscript();
    if (!text) return;
    // The final repeating the interim's words in other case and punctuation keeps the reply.
    if (this.preempted !== null && sameWords(this.preempted, text)) return;
    if (decision.endLikelihood < threshold) {
      // New words that no longer end the turn: the reply on the old ones answers nothing.
      this.cancelPreemption();
      return;
    }
    this.cancelPreemption();
    this.preempted = text;
    const now = this.clock.now();
    this.preemptedAt = now;
    this.logger?.debug(
      {
        inHangover: this.inSpeech,
        sinceSpeechEndMs:
          this.inSpeech || this.speechEndAt === null ? null : Math.round(now - this.speechEndAt),
        sinceWordsMs: this.wordsAt === null ? null : Math.round(now - this.wordsAt),
        endLikelihood: decision.endLikelihood,
      },
      "preemptive reply",
    );
    this.push({ type: "preemptive_turn", text, atMs: now });
  }

  private cancelPreemption(): void {
    if (this.preempted === null) return;
    this.preempted = null;
    this.preemptedAt = null;
    this.push({ type: "preemptive_turn_cancelled" });
  }

  private cancelSilenceTimer(): void {
    this.silenceTimer?.cancel();
    this.silenceTimer = null;
    this.deadlineAt = null;
  }

  private endpoint(): void {
    this.cancelSilenceTimer();
    this.endpointAt = this.clock.now();
    this.logger?.debug(
      {
        silenceMs: this.speechEndAt === null ? null : Math.round(this.endpointAt - this.speechEndAt),
        // The words themselves stay out of the log: their cue says what counted.
        cue: this.lastEvidence
          ? transcriptCue(this.lastEvidence.transcript, this.options.policy.englishWords).reason
          : null,
        words: this.lastEvidence ? this.lastEvidence.transcript.split(/\s+/).filter(Boolean).length : 0,
        sttEndOfSpeech: this.lastEvidence?.sttEndOfSpeech,
        sttUtteranceEnd: this.lastEvidence?.sttUtteranceEnd,
        vadLogit: this.lastEvidence?.vadLogit,
        expected: this.lastEvidence?.expected.kind,
        decision: this.lastDecision,
        preempted: this.preempted !== null,
        // The head start's bounds: the request cannot leave before the words arrive.
        wordsSinceSpeechEndMs: this.sinceSpeechEnd(this.wordsAt),
        preemptSinceSpeechEndMs: this.sinceSpeechEnd(this.preemptedAt),
      },
      "end of turn",
    );
    this.push({ type: "stt_flush" }, "upstream");
    // The STT's final already covers everything heard: no need to wait for the flush's answer.
    if (this.sttEndOfSpeech && !this.interim && this.finals.length > 0) {
      this.complete(this.endpointAt);
      return;
    }
    this.awaitingFinal = true;
    this.finalTimer = this.clock.setTimer(this.options.sttFinalTimeoutMs, () => {
      this.logger?.warn({ timeoutMs: this.options.sttFinalTimeoutMs }, "no final transcript after flush");
      this.complete(null);
    });
  }

  private sinceSpeechEnd(atMs: number | null): number | null {
    return atMs === null || this.speechEndAt === null ? null : Math.round(atMs - this.speechEndAt);
  }

  private complete(sttFinalAt: number | null): void {
    this.cancelSilenceTimer();
    this.finalTimer?.cancel();
    const timeline = emptyTimeline();
    timeline.speechEndAt = this.speechEndAt;
    timeline.endpointAt = this.endpointAt;
    timeline.sttFinalAt = sttFinalAt;
    const text = this.finals.join(" ");
    const startedAt = this.turnStartedAt;
    this.turnOpen = false;
    this.awaitingFinal = false;
    this.finals = [];
    this.interim = "";
    this.sttEndOfSpeech = false;
    this.sttUtteranceEnd = false;
    this.speechSinceTranscript = false;
    this.finalSinceSpeech = false;
    this.modelProbability = null;
    this.modelRequest++;
    this.vadTrend.reset();
    this.speechEndAt = null;
    this.endpointAt = null;
    // The LLM compares the turn with the text it started on and uses or drops that reply.
    this.preempted = null;
    this.preemptedAt = null;
    this.wordsAt = null;
    this.push({ type: "user_turn", text, timeline, startedAt, source: "speech" });
  }

  private onDigit(digit: string): void {
    this.digits += digit;
    this.digitTimer?.cancel();
    if (digit === "#") this.sendDigits();
    else this.digitTimer = this.clock.setTimer(this.options.dtmfGroupMs, () => this.sendDigits());
  }

  private sendDigits(): void {
    this.digitTimer = null;
    const now = this.clock.now();
    const timeline = emptyTimeline();
    timeline.endpointAt = now;
    this.push({
      type: "user_turn",
      text: `[caller pressed ${this.digits}]`,
      timeline,
      startedAt: now,
      source: "dtmf",
    });
    this.digits = "";
  }
}
