// The control process's knowledge duties: keep embedding new sources. (Publishing every ready
// source the bus is missing is part of control's bus rebuild: control/src/bus-state.)
import { embedderFromConfig } from "@switchboard/shared/embeddings/embedder";
import type { ControlContext } from "../../context.ts";
import { KnowledgeWorker } from "./worker.ts";

export async function startKnowledgeBackground(ctx: ControlContext): Promise<{ stop(): Promise<void> }> {
  const worker = new KnowledgeWorker({
    db: ctx.db,
    bus: ctx.bus,
    log: ctx.log,
    embedder: () => embedderFromConfig(ctx.config),
    chunkTokens: ctx.config.knowledgeChunkTokens,
  });
  await worker.start();
  return { stop: () => worker.stop() };
}
