import type { Logger } from "@switchboard/shared/logger";
import type { Frame } from "./frames.ts";
import type { Processor } from "./processor.ts";

/** Processors linked in order; frames enter at the head and flow downstream. */
export class Pipeline {
  private readonly head: Processor;

  constructor(
    readonly processors: Processor[],
    logger: Logger | null = null,
  ) {
    const [first, ...rest] = processors;
    if (!first) throw new Error("a pipeline needs at least one processor");
    this.head = first;
    let tail = first;
    for (const processor of rest) tail = tail.link(processor);
    if (logger) for (const processor of processors) processor.attachLogger(logger);
  }

  push(frame: Frame): void {
    this.head.receive(frame, "downstream");
  }
}
