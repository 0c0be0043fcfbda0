// The native and media packages only gateways need: control alone must never load them (they
// cost seconds of start-up and hundreds of MB, and control's image need not run them).
// onnxruntime-node comes in through @huggingface/transformers, which control imports only when
// it first embeds knowledge.
export const HEAVY_MODULES = ["onnxruntime-node", "werift", "@livekit/rtc-node"] as const;

/** Any file of one of HEAVY_MODULES, hoisted or in Bun's isolated store (node_modules/.bun/...). */
export const HEAVY_MODULE_FILE = /[\\/]node_modules[\\/](onnxruntime-node|werift|@livekit[\\/]rtc-node)[\\/]/;

/** What the guard (heavy-module-guard.ts) prints on stderr before it exits. */
export const HEAVY_MODULE_REPORT = /^heavy module loaded: (\S+) \((.+)\)$/m;
export const HEAVY_MODULE_EXIT_CODE = 70;

/** The package a loaded file belongs to, or null when it is none of HEAVY_MODULES. */
export function heavyModuleOf(path: string): string | null {
  const match = HEAVY_MODULE_FILE.exec(path);
  return match ? match[1]!.replace("\\", "/") : null;
}
