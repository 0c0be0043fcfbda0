// SIP header storage and the structured headers the stack reads (RFC 3261 §7.3, §20).
import { formatParams, parseParams } from "@switchboard/shared/sip/params";

/** RFC 3261 §7.3.3 compact forms, plus the common extension ones. */
const COMPACT_FORMS: Record<string, string> = {
  i: "call-id",
  m: "contact",
  e: "content-encoding",
  l: "content-length",
  c: "content-type",
  f: "from",
  s: "subject",
  k: "supported",
  t: "to",
  v: "via",
  o: "event",
  r: "refer-to",
  b: "referred-by",
  x: "session-expires",
  u: "allow-events",
};

/** Headers whose comma-separated values are separate entries (RFC 3261 §7.3.1). */
const MULTI_VALUE = new Set(["via", "contact", "route", "record-route", "allow", "supported", "require"]);

const CANONICAL_NAMES: Record<string, string> = {
  "call-id": "Call-ID",
  cseq: "CSeq",
  "www-authenticate": "WWW-Authenticate",
  "mime-version": "MIME-Version",
};

export function canonicalHeaderName(lowerName: string): string {
  return (
    CANONICAL_NAMES[lowerName] ??
    lowerName
      .split("-")
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join("-")
  );
}

function normalizeHeaderName(name: string): string {
  const lower = name.toLowerCase();
  return COMPACT_FORMS[lower] ?? lower;
}

/** Splits on commas outside quotes and angle brackets. */
export function splitHeaderList(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (quoted) {
      if (ch === "\\") i++;
      else if (ch === '"') quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === "<") depth++;
    else if (ch === ">") depth = Math.max(0, depth - 1);
    else if (ch === "," && depth === 0) {
      parts.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(value.slice(start).trim());
  return parts.filter((part) => part.length > 0);
}

/** Ordered header fields, looked up by normalized lower-case name. */
export class SipHeaders {
  private readonly fields: Array<[string, string]> = [];

  static from(entries: Array<[string, string]>): SipHeaders {
    const headers = new SipHeaders();
    for (const [name, value] of entries) headers.append(name, value);
    return headers;
  }

  append(name: string, value: string): this {
    this.fields.push([normalizeHeaderName(name), value]);
    return this;
  }

  prepend(name: string, value: string): this {
    this.fields.unshift([normalizeHeaderName(name), value]);
    return this;
  }

  delete(name: string): this {
    const key = normalizeHeaderName(name);
    for (let i = this.fields.length - 1; i >= 0; i--)
      if (this.fields[i]![0] === key) this.fields.splice(i, 1);
    return this;
  }

  /** The first value of a header (for multi-value headers: the first list entry). */
  get(name: string): string | null {
    const key = normalizeHeaderName(name);
    if (MULTI_VALUE.has(key)) return this.getAll(key)[0] ?? null;
    for (const [field, value] of this.fields) if (field === key) return value;
    return null;
  }

  /** Every value, with comma-separated lists of multi-value headers split into entries. */
  getAll(name: string): string[] {
    const key = normalizeHeaderName(name);
    const values: string[] = [];
    for (const [field, value] of this.fields) {
      if (field !== key) continue;
      if (MULTI_VALUE.has(key)) values.push(...splitHeaderList(value));
      else values.push(value);
    }
    return values;
  }

  entries(): ReadonlyArray<readonly [string, string]> {
    return this.fields;
  }

  clone(): SipHeaders {
    return SipHeaders.from(this.fields.map(([name, value]) => [name, value]));
  }
}

interface Via {
  transport: string;
  host: string;
  port: number | null;
  params: Map<string, string | null>;
}

const VIA_PATTERN =
  /^SIP\s*\/\s*2\.0\s*\/\s*([A-Za-z]+)\s+(\[[0-9A-Fa-f:.]+\]|[^\s:;]+)(?:\s*:\s*(\d{1,5}))?\s*(;.*)?$/i;

export function parseVia(value: string): Via | null {
  const match = VIA_PATTERN.exec(value.trim());
  if (!match) return null;
  const port = match[3] === undefined ? null : Number(match[3]);
  if (port !== null && port > 65535) return null;
  return { transport: match[1]!.toUpperCase(), host: match[2]!, port, params: parseParams(match[4] ?? "") };
}

export function formatVia(via: Via): string {
  const port = via.port === null ? "" : `:${via.port}`;
  return `SIP/2.0/${via.transport} ${via.host}${port}${formatParams(via.params)}`;
}

interface CSeq {
  seq: number;
  method: string;
}

export function parseCSeq(value: string): CSeq | null {
  const match = /^\s*(\d{1,10})\s+([A-Za-z0-9.!%*_+`'~-]+)\s*$/.exec(value);
  if (!match) return null;
  const seq = Number(match[1]);
  // RFC 3261 §8.1.1.5: the sequence number is a 32-bit unsigned integer.
  if (seq > 0xffffffff) return null;
  return { seq, method: match[2]! };
}

/** `"Display" <uri>;params` or `uri;params` (RFC 3261 §20.10: then params belong to the header). */
interface NameAddr {
  displayName: string | null;
  uri: string;
  params: Map<string, string | null>;
}

export function parseNameAddr(value: string): NameAddr | null {
  const text = value.trim();
  const open = findUnquoted(text, "<");
  if (open !== -1) {
    const close = text.indexOf(">", open);
    if (close === -1) return null;
    let display = text.slice(0, open).trim();
    if (display.startsWith('"')) {
      if (!display.endsWith('"') || display.length < 2) return null;
      display = display.slice(1, -1).replace(/\\(.)/g, "$1");
    }
    const uri = text.slice(open + 1, close).trim();
    if (!uri || /\s/.test(uri)) return null;
    return {
      displayName: display || null,
      uri,
      params: parseParams(text.slice(close + 1).replace(/^\s*;/, "")),
    };
  }
  if (text.includes('"')) return null;
  const semi = text.indexOf(";");
  const uri = (semi === -1 ? text : text.slice(0, semi)).trim();
  if (!uri.includes(":") || /\s/.test(uri)) return null;
  return { displayName: null, uri, params: parseParams(semi === -1 ? "" : text.slice(semi + 1)) };
}

function findUnquoted(text: string, target: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === "\\") i++;
      else if (ch === '"') quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === target) return i;
  }
  return -1;
}
