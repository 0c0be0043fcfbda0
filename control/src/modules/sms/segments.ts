// How many segments an SMS body takes (3GPP TS 23.038 alphabets, TS 23.040 concatenation):
// GSM-7 carries 160 septets alone and 153 per part of a longer message (the user data header
// takes 7); characters of the basic set's extension table (^ { } \ [ ~ ] | €) take two septets
// and are never split across parts. Anything outside GSM-7 goes as UCS-2: 70 characters alone,
// 67 per part, counted in UTF-16 code units (a character beyond the BMP takes two).

const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM7_EXTENSION = "\f^{}\\[~]|€";
const basic = new Set(GSM7_BASIC);
const extension = new Set(GSM7_EXTENSION);

export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SegmentCount {
  encoding: SmsEncoding;
  segments: number;
}

function gsm7Septets(body: string): number[] | null {
  const septets: number[] = [];
  for (const char of body) {
    if (basic.has(char)) septets.push(1);
    else if (extension.has(char)) septets.push(2);
    else return null;
  }
  return septets;
}

function partsOf(units: number[], single: number, perPart: number): number {
  const total = units.reduce((sum, n) => sum + n, 0);
  if (total <= single) return 1;
  let parts = 1;
  let used = 0;
  for (const size of units) {
    if (used + size > perPart) {
      parts++;
      used = 0;
    }
    used += size;
  }
  return parts;
}

export function countSegments(body: string): SegmentCount {
  if (body.length === 0) return { encoding: "GSM-7", segments: 1 };
  const septets = gsm7Septets(body);
  if (septets !== null) return { encoding: "GSM-7", segments: partsOf(septets, 160, 153) };
  // A surrogate pair stays in one part.
  const units = [...body].map((char) => char.length);
  return { encoding: "UCS-2", segments: partsOf(units, 70, 67) };
}
