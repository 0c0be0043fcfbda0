// `npm run api:types`: writes schema.d.ts from the document the control app serves now.
import { REFRESH_COMMAND, renderSchemaTypes, SCHEMA_TYPES_PATH } from "./schema-types.ts";
import { servedDocument } from "./served-document.ts";

const source = await renderSchemaTypes(await servedDocument());
await Bun.write(SCHEMA_TYPES_PATH, source);
console.log(`${REFRESH_COMMAND}: wrote ${SCHEMA_TYPES_PATH} (${source.length} characters)`);
process.exit(0);
