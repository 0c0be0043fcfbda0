// Called and calling numbers to E.164, whatever form the trunk sends: `+14155550100`,
// `14155550100`, `0014155550100`, `tel:+1-415-555-0100`, or a SIP URI's user part.
import { parseUri } from "@switchboard/shared/sip/uri";

const VISUAL_SEPARATORS = /[\s().-]/g;

/** E.164 (`+` and 8-15 digits) or null when the text is not a phone number. */
export function normalizeE164(text: string | null): string | null {
  if (!text) return null;
  let value = text.trim();
  if (/^(sips?|tel):/i.test(value)) value = parseUri(value)?.user ?? "";
  value = value.replace(VISUAL_SEPARATORS, "");
  // RFC 3966 §5.1.4: a global number's parameters follow a semicolon.
  const semi = value.indexOf(";");
  if (semi !== -1) value = value.slice(0, semi);
  let digits: string;
  if (value.startsWith("+")) digits = value.slice(1);
  else if (value.startsWith("00")) digits = value.slice(2);
  else if (value.startsWith("011") && value.length > 11) digits = value.slice(3);
  else if (/^[2-9]\d{9}$/.test(value))
    digits = `1${value}`; // a bare NANP national number
  else digits = value;
  if (!/^[1-9]\d{7,14}$/.test(digits)) return null;
  return `+${digits}`;
}
