// Structured logging. Transcripts, phone numbers, prompts and secrets never go into the
// message text: put them in fields, which are redacted by path.
import pino from "pino";
import type { LogLevel } from "./config.ts";

export type Logger = pino.Logger;

const REDACTED_PATHS = [
  "authorization",
  "api_key",
  "apiKey",
  "secret",
  "password",
  "transcript",
  "text",
  "prompt",
  "phone_number",
  "from_number",
  "to_number",
  "*.authorization",
  "*.secret",
  "*.password",
  "*.transcript",
  "*.text",
  "*.prompt",
];

export function createLogger(level: LogLevel | "silent", name = "switchboard"): Logger {
  return pino({ name, level, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } });
}
