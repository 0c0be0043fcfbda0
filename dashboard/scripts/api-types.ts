// Writes src/api/schema.d.ts, the dashboard's API types, from the document control serves now
// (the same rendering as control's test client): `bun dashboard/scripts/api-types.ts`.
import { join } from "node:path";
import { renderSchemaTypes } from "../../control/src/testing/api-client/schema-types.ts";
import { servedDocument } from "../../control/src/testing/api-client/served-document.ts";

const target = join(import.meta.dir, "..", "src", "api", "schema.d.ts");
const source = (await renderSchemaTypes(await servedDocument())).replace(
  /^\/\/ Generated.*\n\/\/ control.*\n/,
  "// Generated from the served /openapi.json by `bun dashboard/scripts/api-types.ts`: do not edit by hand.\n",
);
await Bun.write(target, source);
console.log(`wrote ${target} (${source.length} characters)`);
process.exit(0);
