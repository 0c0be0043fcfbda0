// Preload (`bun --preload this-file script.ts`): a process that loads any file of a heavy module
// (heavy-modules.ts), by static or dynamic import or require however deep, prints what it loaded
// on stderr and exits with HEAVY_MODULE_EXIT_CODE at once.
import { plugin } from "bun";
import { HEAVY_MODULE_EXIT_CODE, HEAVY_MODULE_FILE, heavyModuleOf } from "./heavy-modules.ts";

plugin({
  name: "heavy-module-guard",
  setup(build) {
    build.onLoad({ filter: HEAVY_MODULE_FILE }, (args) => {
      process.stderr.write(`heavy module loaded: ${heavyModuleOf(args.path)} (${args.path})\n`);
      process.exit(HEAVY_MODULE_EXIT_CODE);
    });
  },
});
