// Browser calls keep the browser's own echo canceller in front of the echo guard: the widget
// and the demo page ask getUserMedia for it.
import { expect, test } from "bun:test";
import { join } from "node:path";

const STATIC_DIR = join(import.meta.dir, "../../../../shared/src/webrtc/static");

test.each(["widget.js", "demo.html"])("%s asks the browser for echo cancellation", async (file) => {
  const source = await Bun.file(join(STATIC_DIR, file)).text();
  const request = source.match(/getUserMedia\(\{[\s\S]*?\}\s*\)/)?.[0] ?? "";
  expect(request).toContain("echoCancellation: true");
});
