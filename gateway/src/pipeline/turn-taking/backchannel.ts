// Backchannels: the short acknowledgements a listener makes while someone else talks ("mm-hm",
// "yeah", "right", "okay", "uh-huh", "I see"). Said over the agent they tell it to go on; they
// are not a turn and not an interruption. Words that take the floor ("wait", "stop", "no",
// "sorry", a question) are never backchannels.

/** Acknowledgement phrases, as token sequences (hyphens and punctuation normalised away). */
const PHRASES: string[][] = [
  "mm hm",
  "mm hmm",
  "mhm",
  "mhmm",
  "mmhm",
  "mmhmm",
  "hm",
  "hmm",
  "mm",
  "uh huh",
  "uh hu",
  "yeah",
  "yea",
  "yep",
  "yup",
  "yes",
  "ya",
  "right",
  "all right",
  "alright",
  "okay",
  "ok",
  "oh",
  "ah",
  "aha",
  "i see",
  "got it",
  "gotcha",
  "sure",
  "cool",
  "great",
  "nice",
  "good",
  "exactly",
  "indeed",
  "true",
  "of course",
  "that's right",
  "makes sense",
  "i know",
].map((phrase) => phrase.split(" "));

/** Longer than this is someone talking, not acknowledging. */
const MAX_BACKCHANNEL_WORDS = 4;

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[‐-―-]/g, " ")
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}']+|[^\p{L}']+$/gu, ""))
    .filter((word) => word.length > 0);
}

/** Every word of an acknowledgement: words so far that are all among them may become one. */
const BACKCHANNEL_WORDS = new Set(PHRASES.flat());

/**
 * The words heard so far may still turn out a backchannel ("uh" of "uh-huh"): few, no
 * question, each a word of one. "Wait", "no" or "yes but" cannot.
 */
export function mayBecomeBackchannel(text: string): boolean {
  if (text.includes("?")) return false;
  const words = tokens(text);
  return words.length <= MAX_BACKCHANNEL_WORDS && words.every((word) => BACKCHANNEL_WORDS.has(word));
}

/**
 * The words are only acknowledgements ("Mm-hm.", "Yeah, right.", "Oh okay."). A question mark
 * makes them a question ("Right?", "Okay?"): that asks for the floor.
 */
export function isBackchannel(text: string): boolean {
  if (text.includes("?")) return false;
  const words = tokens(text);
  if (words.length === 0 || words.length > MAX_BACKCHANNEL_WORDS) return false;
  let at = 0;
  while (at < words.length) {
    const phrase = PHRASES.filter((candidate) => candidate.every((word, k) => words[at + k] === word)).sort(
      (a, b) => b.length - a.length,
    )[0];
    if (!phrase) return false;
    at += phrase.length;
  }
  return true;
}
