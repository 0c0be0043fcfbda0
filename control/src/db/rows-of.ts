/** The rows of `db.execute`: an array of rows from Bun's PostgreSQL client, `{ rows }` from PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}
