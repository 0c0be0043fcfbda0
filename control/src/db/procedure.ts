// A database procedure: a function of the database that runs where the database runs. On
// PostgreSQL it runs here against the pool. On the embedded default PGlite lives on a thread
// of its own (pglite-thread.ts), and a procedure runs there as one message: a transaction of
// many statements costs the event loop that serves SIP and media one message and one reply,
// not one round trip per statement. Input and output cross threads by structured clone.

import type { Database } from "./client.ts";

export interface DatabaseProcedure<Input, Output> {
  /** The module that exports the procedure under `name` (its `import.meta.url`). */
  readonly module: string;
  readonly name: string;
  run(db: Database, input: Input): Promise<Output>;
}

/** Export the result from `module` under `name`: the database's thread imports it from there. */
export function databaseProcedure<Input, Output>(
  module: string,
  name: string,
  run: (db: Database, input: Input) => Promise<Output>,
): DatabaseProcedure<Input, Output> {
  return { module, name, run };
}

/** Runs a procedure, by module and export name, where the database lives. */
export type ProcedureRunner = (module: string, name: string, input: unknown) => Promise<unknown>;

const runners = new WeakMap<Database, ProcedureRunner>();

/** Procedures on `db` are sent to `runner` instead of running here (openDatabase sets it). */
export function runProceduresWith(db: Database, runner: ProcedureRunner): void {
  runners.set(db, runner);
}

/** The runner `db` sends its procedures to; none when they run here (PostgreSQL). */
export function procedureRunnerOf(db: Database): ProcedureRunner | undefined {
  return runners.get(db);
}

/**
 * Runs `procedure` with `input` on `db`: on its thread when the database has one, else here.
 * Resolves once the procedure has finished there (a transaction in it, committed).
 */
export function runProcedure<Input, Output>(
  db: Database,
  procedure: DatabaseProcedure<Input, Output>,
  input: Input,
): Promise<Output> {
  const runner = runners.get(db);
  if (!runner) return procedure.run(db, input);
  return runner(procedure.module, procedure.name, input) as Promise<Output>;
}

/** What the thread that owns the database does with a procedure it was sent. */
export async function runImportedProcedure(
  db: Database,
  module: string,
  name: string,
  input: unknown,
): Promise<unknown> {
  const exported = (await import(module))[name] as DatabaseProcedure<unknown, unknown> | undefined;
  if (!exported || typeof exported.run !== "function")
    throw new Error(`${module} exports no database procedure ${name}`);
  return exported.run(db, input);
}
