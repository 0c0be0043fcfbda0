// A real pino logger whose lines are kept in memory, for tests that check what was logged.
import pino from "pino";
import type { Logger } from "../logger.ts";

interface LogCapture {
  logger: Logger;
  /** Each line as written (JSON text), in order. */
  lines: string[];
  /** The lines parsed. */
  entries(): Array<Record<string, unknown>>;
}

export function captureLogs(level: pino.Level = "debug"): LogCapture {
  const lines: string[] = [];
  const logger = pino({ level }, { write: (line: string) => lines.push(line) });
  return { logger, lines, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
