// The native and WebRTC packages only gateways run: control alone must never load them.
// onnxruntime-node comes in through @huggingface/transformers, which control imports only when
// it first embeds knowledge (ingest or search).
export const HEAVY_MODULES = ["onnxruntime-node", "werift", "@livekit/rtc-node"] as const;

const names = HEAVY_MODULES.map((name) => name.replace("/", "[\\\\/]")).join("|");

/** Any file of one of HEAVY_MODULES, hoisted or in Bun's isolated store (node_modules/.bun/...). */
export const HEAVY_MODULE_FILE = new RegExp(`[\\\\/]node_modules[\\\\/](${names})[\\\\/]`);

/** What the guard (heavy-module-guard.ts) prints on stderr before it exits. */
export const HEAVY_MODULE_REPORT = /^heavy module loaded: (\S+) \((.+)\)$/m;
export const HEAVY_MODULE_EXIT_CODE = 70;

/** The package a loaded file belongs to, or null when it is none of HEAVY_MODULES. */
export function heavyModuleOf(path: string): string | null {
  const match = HEAVY_MODULE_FILE.exec(path);
  return match ? match[1]!.replace("\\", "/") : null;
}
