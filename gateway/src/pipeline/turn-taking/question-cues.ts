// What the agent just asked shapes how long the caller may pause: a phone number, card number
// or date is read in groups ("five five five ... one two three ... four five six seven"), with
// pauses between them that are not the end of the answer.

export interface ExpectedAnswer {
  kind: "digits" | "date" | "open";
  /** Digits a complete answer has at least (digits only). */
  minDigits: number;
}

const OPEN: ExpectedAnswer = { kind: "open", minDigits: 0 };

const DIGIT_QUESTIONS: Array<[RegExp, number]> = [
  [/\b(card|credit card|debit card)\s*(number|no\.?)?\b/i, 15],
  [/\b(phone|telephone|mobile|cell|callback|contact)\s*(number|no\.?)\b/i, 10],
  [
    /\b(account|member(ship)?|policy|order|confirmation|reference|booking|tracking|customer|case|routing)\s*(number|no\.?|id|code)\b/i,
    4,
  ],
  [/\b(zip|postal|post)\s*code\b/i, 5],
  [/\b(pin|cvv|cvc|security code|verification code|one[- ]time code|passcode)\b/i, 3],
  [/\b(social security|ssn)\b/i, 9],
  [/\bspell\b/i, 0],
];

const DATE_QUESTION =
  /\b(date of birth|birth ?date|birthday|what date|which date|which day|expiry|expiration|when were you born)\b/i;

/** What the agent's last words ask for (only a question counts: its last sentence with "?" or "please"). */
export function expectedAnswer(agentText: string): ExpectedAnswer {
  const sentences = agentText.trim().split(/(?<=[.!?])\s+/);
  const last = sentences.at(-1) ?? "";
  if (!last) return OPEN;
  for (const [pattern, minDigits] of DIGIT_QUESTIONS) {
    if (pattern.test(last)) return { kind: "digits", minDigits };
  }
  if (DATE_QUESTION.test(last)) return { kind: "date", minDigits: 0 };
  return OPEN;
}

const DIGIT_WORDS = new Set(
  "zero oh o one two three four five six seven eight nine ten double triple hundred thousand".split(" "),
);

/** Digits said so far: numerals count each digit, number words one each. */
export function spokenDigitCount(text: string): number {
  let count = 0;
  for (const token of text.toLowerCase().split(/[\s,.-]+/)) {
    if (/^\d+$/.test(token)) count += token.length;
    else if (DIGIT_WORDS.has(token)) count += 1;
  }
  return count;
}

/** The words end in a numeral, or in two number words ("... have one" is not a digit group). */
function endsWithDigits(text: string): boolean {
  const tokens = text
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((token) => token.replace(/[.,!?]+$/, ""));
  const last = tokens.at(-1) ?? "";
  if (/\d$/.test(last)) return true;
  return DIGIT_WORDS.has(last) && DIGIT_WORDS.has(tokens.at(-2) ?? "");
}

export const DIGITS_PENDING_LOGIT = -3;
export const DIGITS_COMPLETE_LOGIT = 1;
export const DATE_PENDING_LOGIT = -0.75;

/** Log-odds the expected answer adds for the caller's words so far. */
export function answerCueLogit(expected: ExpectedAnswer, transcript: string): number {
  if (expected.kind === "open") return 0;
  if (expected.kind === "date") return endsWithDigits(transcript) ? DATE_PENDING_LOGIT : 0;
  if (!endsWithDigits(transcript)) return 0;
  // A group of digits read out: more groups are likely until the number is long enough.
  return spokenDigitCount(transcript) >= expected.minDigits && expected.minDigits > 0
    ? DIGITS_COMPLETE_LOGIT
    : DIGITS_PENDING_LOGIT;
}
