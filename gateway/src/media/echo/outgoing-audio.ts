/**
 * The agent audio queued on a call, kept by its position in the outgoing stream (samples since
 * the call started) until it has been sent: the reference an echo estimate compares the
 * caller's audio with. Chunks are kept by reference, not copied: the playout queue already
 * holds them and never writes to them.
 */
export class OutgoingAudio {
  private readonly chunks: { position: number; pcm: Int16Array }[] = [];

  /** `pcm` was queued to start at sample `position` of the outgoing stream. */
  write(position: number, pcm: Int16Array): void {
    // A flush dropped what was queued past `position`: the new audio takes its place.
    while (this.chunks.length > 0 && this.chunks.at(-1)!.position >= position) this.chunks.pop();
    const last = this.chunks.at(-1);
    if (last && last.position + last.pcm.length > position) {
      last.pcm = last.pcm.subarray(0, position - last.position);
    }
    this.chunks.push({ position, pcm });
  }

  /** Copies samples [from, from + into.length) into `into`; what was never queued reads as silence. */
  read(from: number, into: Int16Array): void {
    into.fill(0);
    const to = from + into.length;
    for (const chunk of this.chunks) {
      const chunkEnd = chunk.position + chunk.pcm.length;
      if (chunkEnd <= from) continue;
      if (chunk.position >= to) break;
      const start = Math.max(from, chunk.position);
      const end = Math.min(to, chunkEnd);
      into.set(chunk.pcm.subarray(start - chunk.position, end - chunk.position), start - from);
    }
  }

  /** Everything before `position` has been sent and read: let it go. */
  release(position: number): void {
    let drop = 0;
    while (drop < this.chunks.length) {
      const chunk = this.chunks[drop]!;
      if (chunk.position + chunk.pcm.length > position) break;
      drop++;
    }
    if (drop > 0) this.chunks.splice(0, drop);
  }
}
