// What voicemail greetings and carriers' call screening say and people answering do not.

const MACHINE_PHRASES = [
  "leave a message",
  "leave your message",
  "leave me a message",
  "leave a brief message",
  "leave your name",
  "not available",
  "unavailable",
  "after the tone",
  "after the beep",
  "at the tone",
  "record your message",
  "voicemail",
  "voice mail",
  "mailbox",
  "come to the phone",
  "take your call",
  "get back to you",
  "return your call",
  "you have reached",
  "you've reached",
  "the person you are calling",
  "the person you're calling",
  "screening service",
  "call screening",
  "state your name",
  "say your name",
  "why you're calling",
  "why you are calling",
  "is recording",
  "currently closed",
  "office is closed",
  "business hours",
  "our hours are",
  "missed your call",
  "sorry i missed",
  "not accepting messages",
] as const;

function normalised(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z0-9' ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The first machine phrase in `transcript`, or null. */
export function machinePhraseIn(transcript: string): string | null {
  const text = ` ${normalised(transcript)} `;
  for (const phrase of MACHINE_PHRASES) if (text.includes(` ${phrase} `)) return phrase;
  return null;
}
