// SIP messages: parse from bytes and serialize (RFC 3261 §7). Parsing never throws: a
// message is either parsed, or rejected with the status a UAS should answer (when enough of
// it is readable to answer), or dropped.

import { uriScheme } from "@switchboard/shared/sip/uri";
import { canonicalHeaderName, parseCSeq, parseNameAddr, parseVia, SipHeaders } from "./headers.ts";

export interface SipRequest {
  kind: "request";
  method: string;
  uri: string;
  headers: SipHeaders;
  body: Buffer;
}

export interface SipResponse {
  kind: "response";
  status: number;
  reason: string;
  headers: SipHeaders;
  body: Buffer;
}

export type SipMessage = SipRequest | SipResponse;

export type ParseResult =
  | { ok: true; message: SipMessage; bytes: number }
  /** `request` is set when the headers needed to answer (Via, From, To, Call-ID, CSeq) were readable. */
  | { ok: false; status: number; reason: string; request: SipRequest | null };

/** Largest message accepted; anything bigger is dropped (UDP datagrams are smaller still). */
export const MAX_MESSAGE_BYTES = 65_535;

const TOKEN = /^[A-Za-z0-9.!%*_+`'~-]+$/;
const EMPTY = Buffer.alloc(0);
const SUPPORTED_SCHEMES = new Set(["sip", "sips", "tel"]);

function headerEnd(buffer: Buffer, from: number): { end: number; separator: number } | null {
  const crlf = buffer.indexOf("\r\n\r\n", from);
  const lf = buffer.indexOf("\n\n", from);
  if (crlf === -1 && lf === -1) return null;
  if (crlf !== -1 && (lf === -1 || crlf <= lf)) return { end: crlf, separator: 4 };
  return { end: lf, separator: 2 };
}

function fail(status: number, reason: string, request: SipRequest | null = null): ParseResult {
  return { ok: false, status, reason, request };
}

/** Leading CRLFs are keep-alives (RFC 5626 §3.5.1) and skipped. */
function skipKeepAlive(buffer: Buffer, from = 0): number {
  let offset = from;
  while (offset < buffer.length && (buffer[offset] === 0x0d || buffer[offset] === 0x0a)) offset++;
  return offset;
}

/**
 * Parses one message. `stream` is true for TCP, where Content-Length is mandatory and
 * frames the body; over UDP the datagram's end ends the body (RFC 3261 §18.3).
 * Returns null when a stream needs more bytes.
 */
export function parseMessage(buffer: Buffer, stream = false): ParseResult | null {
  if (buffer.length > MAX_MESSAGE_BYTES && !stream) return fail(0, "message too large");
  const start = skipKeepAlive(buffer);
  const boundary = headerEnd(buffer, start);
  if (!boundary) {
    if (stream && buffer.length - start < MAX_MESSAGE_BYTES) return null;
    return fail(0, "no end of headers");
  }
  const head = buffer.toString("latin1", start, boundary.end);
  const lines = head.split(/\r?\n/);
  const startLine = lines.shift() ?? "";
  const headers = new SipHeaders();
  let malformedHeader: string | null = null;
  for (const line of lines) {
    if (line.startsWith(" ") || line.startsWith("\t")) {
      // RFC 3261 §7.3.1: a line starting with whitespace continues the previous header.
      const entries = headers.entries() as Array<[string, string]>;
      const last = entries[entries.length - 1];
      if (last) last[1] = `${last[1]} ${line.trim()}`;
      else malformedHeader = "continuation line before any header";
      continue;
    }
    const colon = line.indexOf(":");
    const name = colon === -1 ? "" : line.slice(0, colon).trim();
    if (!name || !TOKEN.test(name)) {
      malformedHeader = "malformed header line";
      continue;
    }
    headers.append(name, line.slice(colon + 1).trim());
  }
  const bodyStart = boundary.end + boundary.separator;
  const lengthText = headers.get("content-length");
  let bodyLength: number;
  if (lengthText === null) {
    if (stream) return fail(0, "Content-Length required on a stream");
    bodyLength = buffer.length - bodyStart;
  } else if (headers.getAll("content-length").length > 1) {
    return finishWithError(startLine, headers, 400, "Multiple Content-Length values");
  } else if (!/^\d{1,9}$/.test(lengthText.trim())) {
    return finishWithError(startLine, headers, 400, "Bad Content-Length");
  } else {
    bodyLength = Number(lengthText.trim());
    if (bodyLength > MAX_MESSAGE_BYTES)
      return finishWithError(startLine, headers, 400, "Content-Length too large");
    if (bodyStart + bodyLength > buffer.length) {
      if (stream) return null;
      // RFC 3261 §18.3: a datagram shorter than its Content-Length is answered with 400.
      return finishWithError(startLine, headers, 400, "Content-Length larger than message");
    }
  }
  const body = bodyLength === 0 ? EMPTY : Buffer.from(buffer.subarray(bodyStart, bodyStart + bodyLength));
  const bytes = bodyStart + bodyLength;

  if (startLine.startsWith("SIP/")) {
    const match = /^SIP\/2\.0 ([1-6]\d\d)(?: (.*))?$/.exec(startLine);
    if (!match) return fail(0, "bad status line");
    const response: SipResponse = {
      kind: "response",
      status: Number(match[1]),
      reason: match[2] ?? "",
      headers,
      body,
    };
    const problem = checkCommonHeaders(headers);
    if (problem || malformedHeader) return fail(0, problem ?? malformedHeader!);
    return { ok: true, message: response, bytes };
  }

  const parts = startLine.split(" ");
  if (parts.length !== 3 || !parts[0] || !parts[1] || !parts[2]) {
    return finishWithError(startLine, headers, 400, "Bad Request-Line");
  }
  const [method, uri, version] = parts as [string, string, string];
  const request: SipRequest = { kind: "request", method, uri, headers, body };
  const problem = checkCommonHeaders(headers);
  if (!TOKEN.test(method)) return fail(0, "bad method");
  if (problem) {
    const readable = answerable(request);
    return fail(readable ? 400 : 0, problem, readable);
  }
  if (malformedHeader) return fail(400, malformedHeader, request);
  if (version.toUpperCase() !== "SIP/2.0") return fail(505, "Version Not Supported", request);
  const scheme = uriScheme(uri);
  if (scheme === null || /[<>"]/.test(uri)) return fail(400, "Bad Request-URI", request);
  if (!SUPPORTED_SCHEMES.has(scheme)) return fail(416, "Unsupported URI Scheme", request);
  const cseq = parseCSeq(headers.get("cseq")!)!;
  // RFC 3261 §8.2 / RFC 4475 §3.1.2.16: CSeq method must match the request method.
  if (cseq.method !== method) return fail(400, "CSeq method does not match", request);
  const maxForwards = headers.get("max-forwards");
  if (maxForwards !== null && !/^\d{1,10}$/.test(maxForwards.trim()))
    return fail(400, "Bad Max-Forwards", request);
  return { ok: true, message: request, bytes };
}

/** Checks the headers every message needs; returns what is wrong, or null. */
function checkCommonHeaders(headers: SipHeaders): string | null {
  const vias = headers.getAll("via");
  if (vias.length === 0) return "Via missing";
  for (const via of vias) if (!parseVia(via)) return "Via malformed";
  for (const name of ["from", "to", "call-id", "cseq"]) {
    if (headers.getAll(name).length !== 1) return `${canonicalHeaderName(name)} missing or repeated`;
  }
  if (!parseCSeq(headers.get("cseq")!)) return "CSeq malformed";
  if (!parseNameAddr(headers.get("from")!)) return "From malformed";
  if (!parseNameAddr(headers.get("to")!)) return "To malformed";
  if (!headers.get("call-id")!.trim()) return "Call-ID empty";
  return null;
}

/** A request is answerable when the headers copied into a response are readable. */
function answerable(request: SipRequest): SipRequest | null {
  const h = request.headers;
  const via = h.get("via");
  if (!via || !parseVia(via)) return null;
  if (h.getAll("call-id").length !== 1 || h.getAll("cseq").length !== 1) return null;
  if (h.getAll("from").length !== 1 || h.getAll("to").length !== 1) return null;
  return request;
}

function finishWithError(
  startLine: string,
  headers: SipHeaders,
  status: number,
  reason: string,
): ParseResult {
  if (startLine.startsWith("SIP/")) return fail(0, reason);
  const [method, uri] = startLine.split(" ").filter(Boolean);
  if (!method || !uri || !TOKEN.test(method)) return fail(0, reason);
  const readable = answerable({ kind: "request", method, uri, headers, body: EMPTY });
  return readable ? fail(status, reason, readable) : fail(0, reason);
}

export function serializeMessage(message: SipMessage): Buffer {
  const startLine =
    message.kind === "request"
      ? `${message.method} ${message.uri} SIP/2.0`
      : `SIP/2.0 ${message.status} ${message.reason}`;
  let head = `${startLine}\r\n`;
  for (const [name, value] of message.headers.entries()) {
    if (name === "content-length") continue;
    head += `${canonicalHeaderName(name)}: ${value}\r\n`;
  }
  head += `Content-Length: ${message.body.length}\r\n\r\n`;
  return message.body.length === 0
    ? Buffer.from(head, "latin1")
    : Buffer.concat([Buffer.from(head, "latin1"), message.body]);
}

const REASON_PHRASES: Record<number, string> = {
  100: "Trying",
  180: "Ringing",
  183: "Session Progress",
  200: "OK",
  202: "Accepted",
  302: "Moved Temporarily",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  407: "Proxy Authentication Required",
  408: "Request Timeout",
  416: "Unsupported URI Scheme",
  420: "Bad Extension",
  480: "Temporarily Unavailable",
  481: "Call/Transaction Does Not Exist",
  482: "Loop Detected",
  483: "Too Many Hops",
  486: "Busy Here",
  487: "Request Terminated",
  488: "Not Acceptable Here",
  491: "Request Pending",
  500: "Server Internal Error",
  501: "Not Implemented",
  503: "Service Unavailable",
  505: "Version Not Supported",
  603: "Decline",
};

const DIALOG_CREATING = new Set(["INVITE", "SUBSCRIBE", "REFER"]);

/**
 * A response to `request` per RFC 3261 §8.2.6: Via, From, To, Call-ID and CSeq copied, a
 * To tag added when the response is not 100 and the request had none.
 */
export function createResponse(
  request: SipRequest,
  status: number,
  options: { reason?: string; toTag?: string; headers?: Array<[string, string]>; body?: Buffer } = {},
): SipResponse {
  const headers = new SipHeaders();
  for (const via of request.headers.getAll("via")) headers.append("via", via);
  headers.append("from", request.headers.get("from") ?? "");
  let to = request.headers.get("to") ?? "";
  if (status !== 100 && options.toTag && !/;\s*tag=/i.test(to)) to = `${to};tag=${options.toTag}`;
  headers.append("to", to);
  headers.append("call-id", request.headers.get("call-id") ?? "");
  headers.append("cseq", request.headers.get("cseq") ?? "");
  // §12.1.1: a response that creates a dialog carries the request's Record-Route, in order, so
  // the caller's in-dialog requests go through the proxies that asked to stay on the path.
  if (status > 100 && status < 300 && DIALOG_CREATING.has(request.method))
    for (const route of request.headers.getAll("record-route")) headers.append("record-route", route);
  for (const [name, value] of options.headers ?? []) headers.append(name, value);
  return {
    kind: "response",
    status,
    reason: options.reason ?? REASON_PHRASES[status] ?? "Unknown",
    headers,
    body: options.body ?? EMPTY,
  };
}
