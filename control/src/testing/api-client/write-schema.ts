// `npm run api:types`: writes schema.d.ts (control's test client and the dashboard) from the
// document the control app serves now.
import { REFRESH_COMMAND, renderSchemaTypes, SCHEMA_TYPES_PATHS } from "./schema-types.ts";
import { servedDocument } from "./served-document.ts";

const source = await renderSchemaTypes(await servedDocument());
for (const path of SCHEMA_TYPES_PATHS) {
  await Bun.write(path, source);
  console.log(`${REFRESH_COMMAND}: wrote ${path} (${source.length} characters)`);
}
process.exit(0);
