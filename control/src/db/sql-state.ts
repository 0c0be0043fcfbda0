const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * The SQLSTATE (PostgreSQL's five-character error code) of a database error or of the error it
 * wraps (drizzle's DrizzleQueryError keeps the driver's error as `cause`). Bun's PostgreSQL client
 * keeps it in `errno` (its `code` is ERR_POSTGRES_SERVER_ERROR); PGlite and postgres.js in `code`.
 */
export function sqlStateOf(error: unknown): string | null {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 4; depth++) {
    const { code, errno } = current as { code?: unknown; errno?: unknown };
    if (typeof errno === "string" && SQLSTATE.test(errno)) return errno;
    if (typeof code === "string" && SQLSTATE.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
