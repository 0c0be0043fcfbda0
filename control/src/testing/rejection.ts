/**
 * What `promise` rejected with; fails when it resolves. Tests use it instead of
 * `expect(promise).rejects`: Bun's matcher waits for a pending promise without delivering
 * worker messages, so a query answered by PGlite's thread (db/pglite-thread.ts) never settles
 * inside it and the test hangs until its timeout.
 */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject, and it resolved");
}
