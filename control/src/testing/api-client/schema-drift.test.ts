// schema.d.ts is committed so the typecheck (which runs before the tests) holds the suites to
// the document; this test renders it again from the document the app serves now and fails
// when the two differ, naming the command that refreshes it.
import { expect, test } from "bun:test";
import { REFRESH_COMMAND, renderSchemaTypes, SCHEMA_TYPES_PATH } from "./schema-types.ts";
import { servedDocument } from "./served-document.ts";

test("schema.d.ts is what openapi-typescript renders from the served document", async () => {
  const fresh = await renderSchemaTypes(await servedDocument());
  const committed = await Bun.file(SCHEMA_TYPES_PATH).text();
  if (committed !== fresh) {
    const committedLines = committed.split("\n");
    const freshLines = fresh.split("\n");
    let line = 0;
    while (line < freshLines.length && freshLines[line] === committedLines[line]) line++;
    throw new Error(
      `${SCHEMA_TYPES_PATH} is out of date with the served /openapi.json; run \`${REFRESH_COMMAND}\` and commit it.\n` +
        `first difference at line ${line + 1}:\n  committed: ${committedLines[line]}\n  served:    ${freshLines[line]}`,
    );
  }
  expect(committed).toBe(fresh);
}, 60_000);
