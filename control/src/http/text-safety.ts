// Text PostgreSQL cannot store is refused at the door. A `text` or `jsonb` value may not hold
// NUL (U+0000), and every string must be valid UTF-8; JavaScript strings can also hold lone
// UTF-16 surrogates (from `\ud800` in JSON, or `%ED%A0%80` in a URL), which have no UTF-8 form
// and would be silently replaced on the way to the database. Each request's path, query and
// body is checked once, before routing, so no route ever sees such text: a NUL is a 400
// `invalid_character`, bad UTF-8 or a lone surrogate a 400 `invalid_encoding`. The detail says
// where (path, query parameter, body field), never what.
import { ApiError } from "@switchboard/shared/errors";
import { Elysia } from "elysia";

type TextProblemCode = "invalid_encoding" | "invalid_character";

interface TextProblem {
  code: TextProblemCode;
  /** What is wrong, without the value: "contains a NUL character". */
  message: string;
}

const NUL: TextProblem = { code: "invalid_character", message: "contains a NUL character" };
const BAD_UTF8: TextProblem = { code: "invalid_encoding", message: "is not valid UTF-8" };
const LONE_SURROGATE: TextProblem = {
  code: "invalid_encoding",
  message: "contains an unpaired UTF-16 surrogate",
};

// With the `u` flag a surrogate pair is one code point, so only a lone half matches the range.
const UNSTORABLE = /[\0\uD800-\uDFFF]/u;
// A NUL or a lone surrogate can only come out of JSON.parse through a \u escape (raw control
// characters are invalid JSON; raw surrogates cannot survive strict UTF-8 decoding).
const RISKY_JSON_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;
const fatalDecoder = new TextDecoder("utf-8", { fatal: true });

/** The problem with a string PostgreSQL would refuse or alter; null when it is storable. */
export function stringProblem(value: string): TextProblem | null {
  const found = UNSTORABLE.exec(value);
  if (!found) return null;
  return found[0] === "\0" ? NUL : LONE_SURROGATE;
}

/** Strict UTF-8 decoding: null for any invalid sequence (overlong, surrogate, truncated). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return fatalDecoder.decode(bytes);
  } catch {
    return null;
  }
}

const HEX = /^[0-9a-fA-F]{2}$/;
const encoder = new TextEncoder();

/**
 * Percent-decodes a URL component whose escapes must spell UTF-8; null when they do not.
 * A `%` not followed by two hex digits stays literal, as routers treat it.
 */
export function percentDecode(value: string, plusIsSpace = false): string | null {
  const input = plusIsSpace ? value.replaceAll("+", " ") : value;
  if (!input.includes("%")) return input;
  try {
    return decodeURIComponent(input);
  } catch {
    // Either bad UTF-8 or a malformed escape such as "%zz": decode bytewise to tell them apart.
    const bytes: number[] = [];
    for (let i = 0; i < input.length; i++) {
      const pair = input.slice(i + 1, i + 3);
      if (input[i] === "%" && HEX.test(pair)) {
        bytes.push(Number.parseInt(pair, 16));
        i += 2;
      } else {
        const point = input.codePointAt(i)!;
        const char = String.fromCodePoint(point);
        bytes.push(...encoder.encode(char));
        i += char.length - 1;
      }
    }
    return decodeUtf8(Uint8Array.from(bytes));
  }
}

/** A problem found inside a parsed JSON value, with the dotted path of the field. */
interface JsonTextProblem extends TextProblem {
  /** "metadata.note", "tools.0.name"; "" for the top-level value itself. */
  field: string;
  /** True when an object key, not a value, is at fault; `field` is then the object holding it. */
  inKey: boolean;
}

interface Visit {
  value: unknown;
  key: string | null;
  parent: Visit | null;
}

function pathOf(visit: Visit | null): string {
  const names: string[] = [];
  for (let at = visit; at !== null; at = at.parent) if (at.key !== null) names.push(at.key);
  return names.reverse().join(".");
}

/**
 * Walks strings and object keys depth-first, iteratively and without copying paths, so deep
 * nesting can neither overflow the stack nor cost more than one visit per value.
 */
export function jsonProblem(value: unknown): JsonTextProblem | null {
  const stack: Visit[] = [{ value, key: null, parent: null }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const current = visit.value;
    if (typeof current === "string") {
      const problem = stringProblem(current);
      if (problem) return { ...problem, field: pathOf(visit), inKey: false };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--)
        stack.push({ value: current[i], key: String(i), parent: visit });
    } else if (current instanceof File) {
      const problem = stringProblem(current.name);
      if (problem) {
        return {
          ...problem,
          message: `has a file name that ${problem.message}`,
          field: pathOf(visit),
          inKey: false,
        };
      }
    } else if (current !== null && typeof current === "object" && !(current instanceof Blob)) {
      const keys = Object.keys(current);
      for (const key of keys) {
        const problem = stringProblem(key);
        if (problem) return { ...problem, field: pathOf(visit), inKey: true };
      }
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        stack.push({ value: (current as Record<string, unknown>)[key], key, parent: visit });
      }
    }
  }
  return null;
}

const MAX_NAME_SHOWN = 100;

function shown(name: string): string {
  return JSON.stringify(name.length > MAX_NAME_SHOWN ? `${name.slice(0, MAX_NAME_SHOWN)}…` : name);
}

function refuse(problem: TextProblem, field: string, detail: string): ApiError {
  return new ApiError(400, problem.code, `${detail} Send NUL-free, valid UTF-8 text.`, [
    { field, message: problem.message },
  ]);
}

function bodyFieldError(problem: JsonTextProblem, where: string): ApiError {
  if (problem.inKey) {
    const at = problem.field ? ` inside ${shown(problem.field)}` : "";
    return refuse(
      problem,
      problem.field || "body",
      `A property name${at} in the ${where} ${problem.message}.`,
    );
  }
  if (!problem.field) return refuse(problem, "body", `The ${where} ${problem.message}.`);
  return refuse(problem, problem.field, `The ${where} field ${shown(problem.field)} ${problem.message}.`);
}

function checkPath(url: URL): void {
  const decoded = percentDecode(url.pathname);
  const problem = decoded === null ? BAD_UTF8 : stringProblem(decoded);
  if (problem) throw refuse(problem, "path", `The URL path ${problem.message} once percent-decoded.`);
}

/** Pairs of `a=b&c=d` (query strings and form bodies), each name and value decoded strictly. */
function checkPairs(encoded: string, what: "query parameter" | "form field"): void {
  if (encoded.length === 0) return;
  for (const pair of encoded.split("&")) {
    if (pair.length === 0) continue;
    const equals = pair.indexOf("=");
    const rawName = equals === -1 ? pair : pair.slice(0, equals);
    const name = percentDecode(rawName, true);
    const nameProblem = name === null ? BAD_UTF8 : stringProblem(name);
    if (name === null || nameProblem) {
      const problem = nameProblem ?? BAD_UTF8;
      throw refuse(
        problem,
        what === "query parameter" ? "query" : "body",
        `A ${what} name ${problem.message}.`,
      );
    }
    if (equals === -1) continue;
    const value = percentDecode(pair.slice(equals + 1), true);
    const problem = value === null ? BAD_UTF8 : stringProblem(value);
    if (problem) throw refuse(problem, name, `The ${what} ${shown(name)} ${problem.message}.`);
  }
}

function mediaType(request: Request): string {
  const header = request.headers.get("content-type") ?? "";
  const semicolon = header.indexOf(";");
  return (semicolon === -1 ? header : header.slice(0, semicolon)).trim().toLowerCase();
}

// The body text read for the check, kept for the pipeline's later needs (the Idempotency-Key
// hash) so a body is read once here and once by its route, never a third time.
const bodiesRead = new WeakMap<Request, string>();

/** The request's body as text: the copy the check read, else a fresh read of a clone. */
export async function requestBodyText(request: Request): Promise<string> {
  return bodiesRead.get(request) ?? (await request.clone().text());
}

/**
 * Checks a request before routing; throws ApiError 400 on text PostgreSQL cannot store.
 *
 * Every body except multipart/form-data must be UTF-8 text: JSON, forms and text are parsed
 * by the routes, and no route takes raw binary. Multipart bodies carry files legitimately;
 * their text fields are checked after parsing by {@link textSafetyHook}, which also spares
 * large uploads a second read here.
 */
export async function checkRequestText(request: Request): Promise<void> {
  const url = new URL(request.url);
  checkPath(url);
  checkPairs(url.search.slice(1), "query parameter");
  if (request.body === null) return;
  const type = mediaType(request);
  if (type.startsWith("multipart/")) return;
  const text = decodeUtf8(new Uint8Array(await request.clone().arrayBuffer()));
  if (text === null) throw refuse(BAD_UTF8, "body", "The request body is not valid UTF-8.");
  bodiesRead.set(request, text);
  if (type === "application/x-www-form-urlencoded") {
    checkPairs(text, "form field");
  } else if (text.includes("\0")) {
    throw refuse(NUL, "body", "The request body contains a NUL character.");
  } else if (RISKY_JSON_ESCAPE.test(text)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return; // Not JSON after all; the route reports malformed JSON if it expected some.
    }
    const problem = jsonProblem(parsed);
    if (problem) throw bodyFieldError(problem, "request body");
  }
}

/** After Elysia has parsed a multipart body: its text fields (file contents excepted). */
export function textSafetyHook() {
  return new Elysia({ name: "text-safety" }).onTransform({ as: "global" }, ({ request, body }) => {
    if (body === undefined || !mediaType(request).startsWith("multipart/")) return;
    const problem = jsonProblem(body);
    if (problem) throw bodyFieldError(problem, "form");
  });
}
