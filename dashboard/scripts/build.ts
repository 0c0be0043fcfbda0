// `npm run dashboard:build`: builds the dashboard into dashboard/dist, which is committed.
import { join } from "node:path";
import { build } from "vite";

await build({ root: join(import.meta.dir, ".."), configFile: join(import.meta.dir, "..", "vite.config.ts") });
