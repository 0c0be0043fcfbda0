import { describe, expect, test } from "bun:test";
import { decideSilence, type TurnEvidence } from "./decider.ts";
import { turnPolicyOf } from "./policy.ts";
import { answerCueLogit, expectedAnswer, spokenDigitCount } from "./question-cues.ts";
import { transcriptCue } from "./transcript-cues.ts";
import { VadTrend } from "./vad-trend.ts";

const adaptive = turnPolicyOf({
  endpointing: { silence_ms: 500 },
  turn: { mode: "adaptive", min_silence_ms: 200, max_silence_ms: 2000 },
});

function evidence(overrides: Partial<TurnEvidence> = {}): TurnEvidence {
  return {
    transcript: "",
    sttEndOfSpeech: false,
    sttUtteranceEnd: false,
    vadLogit: 0,
    expected: expectedAnswer(""),
    modelProbability: null,
    ...overrides,
  };
}

describe("transcript cues", () => {
  test("final punctuation ends sooner; a trailing conjunction, preposition, filler or comma waits", () => {
    expect(transcriptCue("I'd like a table for two.").reason).toBe("complete_sentence");
    expect(transcriptCue("Is it open on Sunday?").reason).toBe("complete_sentence");
    for (const text of [
      "I'd like to book a table for",
      "I'd like to book a table for.",
      "and then um",
      "I want to",
      "my number is uh",
      "Yes, and",
      "so",
    ]) {
      expect(transcriptCue(text).reason).toBe("unfinished_word");
    }
    expect(transcriptCue("Well, I think,").reason).toBe("trailing_comma");
    // A word that leaves a clause open after others is a whole answer on its own.
    expect(transcriptCue("No.").reason).toBe("complete_sentence");
    expect(transcriptCue("Which?").reason).toBe("complete_sentence");
    expect(transcriptCue("That one, no").reason).toBe("unfinished_word");
    expect(transcriptCue("There is no").reason).toBe("unfinished_word");
    expect(transcriptCue("um").reason).toBe("unfinished_word");
    expect(transcriptCue("Let me see...").reason).toBe("ellipsis");
    expect(transcriptCue("hello there").reason).toBe("neutral");
    expect(transcriptCue("  ").reason).toBe("empty");
  });
});

describe("question cues", () => {
  test("questions asking for numbers, codes and dates are recognised from the last sentence", () => {
    expect(expectedAnswer("Sure. What's the best phone number to reach you?")).toEqual({
      kind: "digits",
      minDigits: 10,
    });
    expect(expectedAnswer("Could you read me the card number, please?").kind).toBe("digits");
    expect(expectedAnswer("And your date of birth?").kind).toBe("date");
    expect(expectedAnswer("What's your phone number? Thanks, how can I help?").kind).toBe("open");
    expect(expectedAnswer("").kind).toBe("open");
  });

  test("digits read in groups wait until the number is long enough", () => {
    const phone = expectedAnswer("What is your phone number?");
    expect(spokenDigitCount("five five five, 123")).toBe(6);
    expect(answerCueLogit(phone, "555 123")).toBeLessThan(0);
    expect(answerCueLogit(phone, "five five five one two three four five six seven")).toBeGreaterThan(0);
    expect(answerCueLogit(phone, "I don't have one.")).toBe(0);
    expect(answerCueLogit(expectedAnswer("How can I help?"), "555 123")).toBe(0);
  });
});

describe("VAD trend", () => {
  test("a probability rising through the silence waits; a flat floor or a decay adds nothing", () => {
    const rising = new VadTrend();
    for (const p of [0.01, 0.02, 0.05, 0.3]) rising.add(p);
    expect(rising.logit()).toBeLessThan(0);
    const flat = new VadTrend();
    for (const p of [0.01, 0.0, 0.02, 0.01]) flat.add(p);
    expect(flat.logit()).toBe(0);
    const decaying = new VadTrend();
    for (const p of [0.3, 0.2, 0.1]) decaying.add(p);
    expect(decaying.logit()).toBe(0);
  });
});

describe("decideSilence", () => {
  test("no evidence waits endpointing.silence_ms", () => {
    expect(decideSilence(evidence(), adaptive).waitMs).toBe(500);
  });

  test("a complete sentence waits near the minimum; an unfinished one near the maximum", () => {
    const complete = decideSilence(evidence({ transcript: "I'd like a table for two." }), adaptive);
    expect(complete.waitMs).toBeGreaterThanOrEqual(200);
    expect(complete.waitMs).toBeLessThanOrEqual(250);
    expect(complete.endLikelihood).toBeGreaterThan(0.8);
    const unfinished = decideSilence(evidence({ transcript: "I'd like to book a table for" }), adaptive);
    expect(unfinished.waitMs).toBeGreaterThan(1500);
    expect(unfinished.waitMs).toBeLessThanOrEqual(2000);
    expect(unfinished.endLikelihood).toBeLessThan(0.2);
  });

  test("the STT's end-of-speech and utterance-end shorten the wait; a rising VAD lengthens it", () => {
    const base = decideSilence(evidence({ transcript: "hello there" }), adaptive).waitMs;
    const speechFinal = decideSilence(
      evidence({ transcript: "hello there", sttEndOfSpeech: true }),
      adaptive,
    );
    const utteranceEnd = decideSilence(
      evidence({ transcript: "hello there", sttEndOfSpeech: true, sttUtteranceEnd: true }),
      adaptive,
    );
    const stirring = decideSilence(evidence({ transcript: "hello there", vadLogit: -1 }), adaptive);
    expect(speechFinal.waitMs).toBeLessThan(base);
    expect(utteranceEnd.waitMs).toBeLessThan(speechFinal.waitMs);
    expect(stirring.waitMs).toBeGreaterThan(base);
  });

  test("the STT's silence signals do not shorten the wait after words that leave the clause open", () => {
    for (const transcript of ["I need to move my appointment because", "My account number is, um,"]) {
      const quiet = decideSilence(evidence({ transcript }), adaptive).waitMs;
      const afterUtteranceEnd = decideSilence(
        evidence({ transcript, sttEndOfSpeech: true, sttUtteranceEnd: true }),
        adaptive,
      ).waitMs;
      expect(afterUtteranceEnd).toBe(quiet);
      // A 1.2 s search for words is not the end of the turn.
      expect(afterUtteranceEnd).toBeGreaterThan(1500);
    }
    const digits = expectedAnswer("What is your phone number?");
    const group = decideSilence(
      evidence({
        transcript: "five five five",
        expected: digits,
        sttEndOfSpeech: true,
        sttUtteranceEnd: true,
      }),
      adaptive,
    );
    expect(group.waitMs).toBeGreaterThan(1500);
  });

  test("after a question for a phone number, a group of digits waits longer than a sentence", () => {
    const expected = expectedAnswer("What's the best number to call you back on? Your phone number, please.");
    const group = decideSilence(evidence({ transcript: "555. 014.", expected }), adaptive);
    expect(group.waitMs).toBeGreaterThan(1000);
    const whole = decideSilence(evidence({ transcript: "555 014 2233.", expected }), adaptive);
    expect(whole.waitMs).toBeLessThan(300);
  });

  test("the model's probability moves the wait both ways", () => {
    const done = decideSilence(evidence({ modelProbability: 0.95 }), adaptive);
    const going = decideSilence(evidence({ modelProbability: 0.05 }), adaptive);
    expect(done.waitMs).toBeLessThan(260);
    expect(going.waitMs).toBeGreaterThan(1500);
  });

  test("fixed waits endpointing.silence_ms whatever the words, and still rates the likelihood", () => {
    const fixed = turnPolicyOf({
      endpointing: { silence_ms: 700 },
      turn: { mode: "fixed", min_silence_ms: 200, max_silence_ms: 2000 },
    });
    const decision = decideSilence(evidence({ transcript: "Thanks, that's all." }), fixed);
    expect(decision.waitMs).toBe(700);
    expect(decision.endLikelihood).toBeGreaterThan(0.8);
  });

  test("the base is endpointing.silence_ms kept inside the bounds; agents without a turn block are adaptive", () => {
    expect(turnPolicyOf({ endpointing: { silence_ms: 5000 } })).toEqual({
      mode: "adaptive",
      baseSilenceMs: 2000,
      minSilenceMs: 200,
      maxSilenceMs: 2000,
      englishWords: true,
    });
  });

  test("in another language only the punctuation counts: English word lists do not apply", () => {
    const spanish = turnPolicyOf({ endpointing: { silence_ms: 500 }, stt: { language: "es" } });
    expect(decideSilence(evidence({ transcript: "Quiero reservar una mesa para" }), spanish).waitMs).toBe(
      500,
    );
    expect(decideSilence(evidence({ transcript: "I'd like a table for" }), spanish).waitMs).toBe(500);
    expect(decideSilence(evidence({ transcript: "Una mesa para dos." }), spanish).waitMs).toBeLessThan(250);
  });
});
