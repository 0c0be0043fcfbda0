import { afterAll, beforeAll, expect, test } from "bun:test";
import { PgliteThread } from "./pglite-thread.ts";

interface Rows {
  rows: Record<string, unknown>[];
}

let pg: PgliteThread;
beforeAll(async () => {
  pg = await PgliteThread.open(null);
  await pg.query("create table items (id int primary key, at timestamptz)");
}, 60_000);
afterAll(() => pg.close());

const ids = async () =>
  ((await pg.query("select id from items order by id")) as Rows).rows.map((row) => row.id);

test("a transaction commits when its callback resolves and is seen only after", async () => {
  let seenInside: unknown[] = [];
  await pg.transaction(async (tx) => {
    await tx.query("insert into items (id) values ($1)", [1]);
    seenInside = ((await tx.query("select id from items")) as Rows).rows.map((row) => row.id);
  });
  expect(seenInside).toEqual([1]);
  expect(await ids()).toEqual([1]);
});

test("a transaction whose callback throws is rolled back and the error reaches the caller", async () => {
  const failed = pg.transaction(async (tx) => {
    await tx.query("insert into items (id) values ($1)", [2]);
    throw new Error("changed my mind");
  });
  await expect(failed).rejects.toThrow("changed my mind");
  expect(await ids()).toEqual([1]);
});

test("a query outside an open transaction runs after it ends", async () => {
  const order: string[] = [];
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const transaction = pg.transaction(async (tx) => {
    await tx.query("insert into items (id) values ($1)", [3]);
    await held;
  });
  const outside = ids().then((seen) => {
    order.push("outside");
    return seen;
  });
  release();
  await transaction.then(() => order.push("committed"));
  expect(await outside).toEqual([1, 3]);
  expect(order).toEqual(["committed", "outside"]);
});

test("a database error keeps its message and SQLSTATE", async () => {
  const duplicate = pg.query("insert into items (id) values ($1)", [1]);
  await expect(duplicate).rejects.toMatchObject({
    code: "23505",
    message: expect.stringMatching(/duplicate key/),
  });
});

test("timestamps come back as PostgreSQL's text, as drizzle's driver expects", async () => {
  await pg.query("update items set at = $1 where id = 1", ["2026-01-02T03:04:05.000Z"]);
  const { rows } = (await pg.query("select at from items where id = 1")) as Rows;
  expect(typeof rows[0]!.at).toBe("string");
  expect(new Date(rows[0]!.at as string).toISOString()).toBe("2026-01-02T03:04:05.000Z");
});

test("a NOTIFY reaches the listener after its transaction commits", async () => {
  const notices: number[] = [];
  const stop = await pg.listen("items_changed", () => notices.push(Date.now()));
  await pg.transaction(async (tx) => {
    await tx.query("select pg_notify('items_changed', '')");
    expect(notices).toHaveLength(0);
  });
  await pg.query("select 1");
  expect(notices).toHaveLength(1);
  await stop();
});
