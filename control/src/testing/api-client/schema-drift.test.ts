// schema.d.ts is committed (control's test client and the dashboard each hold a copy) so the
// typecheck, which runs before the tests, holds both to the document; this test renders it
// again from the document the app serves now and fails when either copy differs, naming the
// command that refreshes both.
import { expect, test } from "bun:test";
import { relative } from "node:path";
import { REFRESH_COMMAND, renderSchemaTypes, SCHEMA_TYPES_PATHS } from "./schema-types.ts";
import { servedDocument } from "./served-document.ts";

function firstDifference(committed: string, fresh: string): string {
  const committedLines = committed.split("\n");
  const freshLines = fresh.split("\n");
  let line = 0;
  while (line < freshLines.length && freshLines[line] === committedLines[line]) line++;
  return `first difference at line ${line + 1}:\n  committed: ${committedLines[line]}\n  served:    ${freshLines[line]}`;
}

test("every schema.d.ts copy is what openapi-typescript renders from the served document", async () => {
  const fresh = await renderSchemaTypes(await servedDocument());
  const stale: string[] = [];
  for (const path of SCHEMA_TYPES_PATHS) {
    const committed = await Bun.file(path).text();
    if (committed !== fresh)
      stale.push(`${relative(process.cwd(), path)}: ${firstDifference(committed, fresh)}`);
  }
  if (stale.length > 0) {
    throw new Error(
      `out of date with the served /openapi.json; run \`${REFRESH_COMMAND}\` and commit both files.\n${stale.join("\n")}`,
    );
  }
  expect(stale).toEqual([]);
}, 60_000);
