// What the caller's words say about whether they are done. A sentence closed by final
// punctuation is evidence of an end; a trailing conjunction, preposition, article, filler or
// comma is evidence that more is coming ("I'd like to book a table for ... um ... Friday").
// The result is a log-odds contribution: positive ends sooner, negative waits longer.

/** Words a finished English sentence rarely ends with. */
const UNFINISHED_ENDINGS = new Set(
  (
    "and or but so because since although though if unless until while whereas then also plus " +
    "um uh uhm umm er erm ah hmm like well " +
    "for to of in on at by with from into onto about as than via per " +
    "a an the my your our their his her its this that these those some any no every " +
    "is are was were am be been being do does did have has had will would can could should " +
    "shall may might must i i'm i'd i'll i've we you he she they it's there's " +
    "which who whose whom where when what how why"
  ).split(" "),
);

/**
 * Words that leave a clause open after other words ("no room", "that one") but are a whole
 * answer on their own: "No.", "That.", "Some.", "Which?".
 */
const STANDALONE_ANSWERS = new Set(
  "no yes that this these those some any none his her mine yours ours theirs which what who why how when where well".split(
    " ",
  ),
);

/** Fillers that may stand alone or repeat ("um, uh"). */
const FILLERS = new Set(["um", "uh", "uhm", "umm", "er", "erm", "ah", "hmm", "mm"]);

export const COMPLETE_SENTENCE_LOGIT = 2;
export const UNFINISHED_WORD_LOGIT = -2.5;
export const TRAILING_COMMA_LOGIT = -1;

export interface TranscriptCue {
  logit: number;
  reason: "empty" | "complete_sentence" | "unfinished_word" | "trailing_comma" | "ellipsis" | "neutral";
}

/** The last word of `text`, lower case, without surrounding punctuation. */
export function lastWord(text: string): string {
  const words = text.trim().split(/\s+/);
  return (words.at(-1) ?? "").toLowerCase().replace(/^[^\p{L}\p{N}']+|[^\p{L}\p{N}']+$/gu, "");
}

/** `englishWords` false (another language): only the punctuation counts. */
export function transcriptCue(text: string, englishWords = true): TranscriptCue {
  const trimmed = text.trim();
  if (!trimmed) return { logit: 0, reason: "empty" };
  if (/(\.\.\.|…)$/.test(trimmed)) return { logit: UNFINISHED_WORD_LOGIT, reason: "ellipsis" };
  const word = lastWord(trimmed);
  const standalone = STANDALONE_ANSWERS.has(word) && trimmed.split(/\s+/).length === 1;
  // An unfinished word outweighs punctuation some STTs add at every pause ("for.").
  if (englishWords && !standalone && (UNFINISHED_ENDINGS.has(word) || FILLERS.has(word))) {
    return { logit: UNFINISHED_WORD_LOGIT, reason: "unfinished_word" };
  }
  if (/[,;:\-–—]$/.test(trimmed)) return { logit: TRAILING_COMMA_LOGIT, reason: "trailing_comma" };
  if (/[.!?]["')\]]?$/.test(trimmed)) return { logit: COMPLETE_SENTENCE_LOGIT, reason: "complete_sentence" };
  return { logit: 0, reason: "neutral" };
}
