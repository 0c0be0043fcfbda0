// The scripted caller turns: complete sentences, sentences with a pause after a filler or a
// conjunction, digit strings read in groups, one-word answers, backchannels said while the
// agent speaks. Each call speaks one kind in one voice; some calls also hear the agent's own
// echo. Deterministic: the same seed gives the same turns, pauses, echo paths and voices.

export type TurnKind = "complete" | "paused" | "digits" | "one_word" | "backchannel";

export interface Voice {
  engine: "flite" | "espeak-ng";
  name: string;
}

export const VOICES: Voice[] = [
  { engine: "flite", name: "kal16" },
  { engine: "flite", name: "slt" },
  { engine: "flite", name: "rms" },
  { engine: "espeak-ng", name: "en-us" },
  { engine: "espeak-ng", name: "en-gb+f3" },
];

export interface Segment {
  text: string;
  /** Silence after this segment before the next one (0 after the last). */
  pauseAfterMs: number;
}

export interface ScriptedTurn {
  kind: TurnKind;
  segments: Segment[];
}

export interface EchoPath {
  delayMs: number;
  /** Echo level against the agent's audio, in dB (negative). */
  gainDb: number;
  /** Share of echo frames lost (0..1), as on a lossy leg. */
  loss: number;
}

export interface CallScript {
  key: string;
  kind: TurnKind;
  voice: Voice;
  /** The agent's greeting: a question that sets up the turns (a phone number for digits). */
  greeting: string;
  turns: ScriptedTurn[];
  echo: EchoPath | null;
}

const COMPLETE = [
  "I would like to book a table for two people tomorrow evening.",
  "Can you tell me what time you open on Saturday?",
  "I need to change my appointment to next week.",
  "Please send the invoice to my email address.",
  "My order has not arrived yet and I am worried about it.",
  "Do you have any rooms available for the weekend?",
  "I want to cancel my subscription today.",
  "Could you check the status of my refund please?",
  "We are a group of six and need a quiet table.",
  "The heating in my flat stopped working last night.",
  "I would like to speak to someone about my bill.",
  "Is parking included with the reservation?",
];

/** A start that is not a sentence yet, then its end. */
const PAUSED: [string, string][] = [
  ["I'd like to book a table for", "Friday at seven."],
  ["I need to move my appointment because", "I have to work that day."],
  ["Can you send it to", "my office address instead?"],
  ["We want to come on Saturday and", "bring the children too."],
  ["My account number is, um,", "I think it starts with a seven."],
  ["I was wondering if", "you deliver to the north side."],
  ["So the problem is that", "the screen stays black."],
  ["I'd like the, uh,", "the vegetarian menu please."],
  ["It's for my mother, and", "she needs a wheelchair space."],
  ["Could you book it for", "half past eight?"],
  ["I called yesterday but", "nobody called me back."],
  ["Let me think, it was", "on the twelfth of March."],
];

const DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const ONE_WORD = [
  "Yes.",
  "No.",
  "Correct.",
  "Tuesday.",
  "Sure.",
  "Thanks.",
  "Tomorrow.",
  "Cash.",
  "Two.",
  "Perfect.",
];
const BACKCHANNELS = ["Mm-hm.", "Okay.", "Right.", "Yeah.", "Uh-huh.", "I see."];

const GREETINGS: Record<TurnKind, string> = {
  complete: "Hello, how can I help you today?",
  paused: "Hello, how can I help you today?",
  digits: "Hello, what is the phone number on your account?",
  one_word: "Hello, shall I book the usual table for you?",
  backchannel: "Hello, let me tell you about our opening hours.",
};

/** A small deterministic generator (LCG), so every run plays the same turns. */
class Random {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return this.state / 2_147_483_648;
  }
  between(low: number, high: number): number {
    return Math.round(low + (high - low) * this.next());
  }
  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)]!;
  }
}

function turnOf(kind: TurnKind, index: number, random: Random): ScriptedTurn {
  switch (kind) {
    case "complete":
      return { kind, segments: [{ text: COMPLETE[index % COMPLETE.length]!, pauseAfterMs: 0 }] };
    case "paused": {
      const [start, end] = PAUSED[index % PAUSED.length]!;
      // 200-1500 ms, as people pause after a filler or a conjunction.
      return {
        kind,
        segments: [
          { text: start, pauseAfterMs: random.between(200, 1500) },
          { text: end, pauseAfterMs: 0 },
        ],
      };
    }
    case "digits": {
      // A ten-digit number read in groups of three, three and four.
      const digits = Array.from({ length: 10 }, () => random.pick(DIGIT_WORDS));
      const groups = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)];
      return {
        kind,
        segments: groups.map((group, groupIndex) => ({
          text: group.join(" ") + (groupIndex === groups.length - 1 ? "." : ""),
          pauseAfterMs: groupIndex === groups.length - 1 ? 0 : random.between(300, 900),
        })),
      };
    }
    case "one_word":
      return { kind, segments: [{ text: ONE_WORD[index % ONE_WORD.length]!, pauseAfterMs: 0 }] };
    case "backchannel":
      return { kind, segments: [{ text: random.pick(BACKCHANNELS), pauseAfterMs: 0 }] };
  }
}

/** Calls of `turnsPerCall` turns: each kind in each voice, every other call with echo. */
export function buildCorpus(options: {
  turnsPerCall: number;
  callsPerKind: number;
  seed?: number;
}): CallScript[] {
  const random = new Random(options.seed ?? 20);
  const kinds: TurnKind[] = ["complete", "paused", "digits", "one_word", "backchannel"];
  const calls: CallScript[] = [];
  let callIndex = 0;
  for (const kind of kinds) {
    for (let k = 0; k < options.callsPerKind; k++) {
      const voice = VOICES[(callIndex + k) % VOICES.length]!;
      // Echo on every other call, and on every backchannel call (a speakerphone while the agent talks).
      const withEcho = kind === "backchannel" || callIndex % 2 === 1;
      calls.push({
        key: `c${String(callIndex).padStart(3, "0")}`,
        kind,
        voice,
        greeting: GREETINGS[kind],
        turns: Array.from({ length: options.turnsPerCall }, (_, index) =>
          turnOf(kind, index + k * options.turnsPerCall, random),
        ),
        // 20-250 ms of delay, 10-25 dB of echo return loss, up to 3% of frames lost.
        echo: withEcho
          ? { delayMs: random.between(20, 250), gainDb: -random.between(10, 25), loss: random.next() * 0.03 }
          : null,
      });
      callIndex++;
    }
  }
  return calls;
}
