import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

// Built into dist/, committed, and served by control at / (control/src/modules/dashboard):
// a fresh clone serves the dashboard without a build, and nothing loads from another host.
export default defineConfig({
  plugins: [preact()],
  base: "/",
  build: { outDir: "dist", emptyOutDir: true, assetsDir: "assets", sourcemap: false },
});
