// Exact top-k cosine search over one org's chunk vectors. Vectors are unit length, so the
// cosine is a dot product. All rows live in one contiguous Float32Array (grown by doubling,
// rebuilt only after a source changes), so a search is a linear scan with no allocation
// besides the result.

interface IndexedPassage {
  sourceId: string;
  title: string;
  text: string;
  tokens: number;
}

interface SearchHit {
  passage: IndexedPassage;
  score: number;
}

interface SourceEntry {
  title: string;
  passages: IndexedPassage[];
  vectors: Float32Array;
}

export class VectorIndex {
  private readonly sources = new Map<string, SourceEntry>();
  private matrix = new Float32Array(0);
  private rowPassages: IndexedPassage[] = [];
  private rowSourceSlot = new Int32Array(0);
  private slotSourceIds: string[] = [];
  private rowCount = 0;
  private dirty = false;
  private dims = 0;

  get size(): number {
    this.rebuild();
    return this.rowCount;
  }

  has(sourceId: string): boolean {
    return this.sources.has(sourceId);
  }

  /** Adds or replaces a source; `vectors` holds `passages.length` rows of `dimensions`. */
  setSource(
    sourceId: string,
    title: string,
    passages: Omit<IndexedPassage, "sourceId" | "title">[],
    vectors: Float32Array,
  ): void {
    if (passages.length === 0) {
      this.removeSource(sourceId);
      return;
    }
    const dimensions = vectors.length / passages.length;
    if (!Number.isInteger(dimensions) || dimensions === 0) {
      throw new Error(
        `source ${sourceId}: ${vectors.length} floats do not split into ${passages.length} rows`,
      );
    }
    const others = this.sources.size - (this.sources.has(sourceId) ? 1 : 0);
    if (others > 0 && dimensions !== this.dims) {
      throw new Error(`source ${sourceId} has ${dimensions} dimensions, the index ${this.dims}`);
    }
    this.dims = dimensions;
    this.sources.set(sourceId, {
      title,
      passages: passages.map((passage) => ({ ...passage, sourceId, title })),
      vectors,
    });
    this.dirty = true;
  }

  removeSource(sourceId: string): boolean {
    const removed = this.sources.delete(sourceId);
    if (removed) this.dirty = true;
    return removed;
  }

  private rebuild(): void {
    if (!this.dirty) return;
    let rows = 0;
    for (const source of this.sources.values()) rows += source.passages.length;
    const needed = rows * this.dims;
    if (this.matrix.length < needed) {
      let capacity = Math.max(1024, this.matrix.length);
      while (capacity < needed) capacity *= 2;
      this.matrix = new Float32Array(capacity);
    }
    if (this.rowSourceSlot.length < rows) this.rowSourceSlot = new Int32Array(Math.max(1024, rows * 2));
    this.rowPassages = new Array(rows);
    this.slotSourceIds = [];
    let row = 0;
    for (const [sourceId, source] of this.sources) {
      const slot = this.slotSourceIds.push(sourceId) - 1;
      this.matrix.set(source.vectors, row * this.dims);
      for (const passage of source.passages) {
        this.rowPassages[row] = passage;
        this.rowSourceSlot[row] = slot;
        row++;
      }
    }
    this.rowCount = rows;
    this.dirty = false;
  }

  /** The `k` best rows for `query` (unit length), best first; `allowed` limits the sources. */
  search(query: Float32Array, k: number, allowed: ReadonlySet<string> | null = null): SearchHit[] {
    this.rebuild();
    if (k <= 0 || this.rowCount === 0 || query.length !== this.dims) return [];
    let slotAllowed: Uint8Array | null = null;
    if (allowed) {
      slotAllowed = new Uint8Array(this.slotSourceIds.length);
      this.slotSourceIds.forEach((sourceId, slot) => {
        if (allowed.has(sourceId)) slotAllowed![slot] = 1;
      });
    }
    const topScores = new Float64Array(k).fill(Number.NEGATIVE_INFINITY);
    const topRows = new Int32Array(k).fill(-1);
    const dims = this.dims;
    const matrix = this.matrix;
    const unrolled = dims - (dims % 4);
    for (let row = 0; row < this.rowCount; row++) {
      if (slotAllowed && slotAllowed[this.rowSourceSlot[row]!] === 0) continue;
      const base = row * dims;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let d = 0;
      for (; d < unrolled; d += 4) {
        s0 += matrix[base + d]! * query[d]!;
        s1 += matrix[base + d + 1]! * query[d + 1]!;
        s2 += matrix[base + d + 2]! * query[d + 2]!;
        s3 += matrix[base + d + 3]! * query[d + 3]!;
      }
      for (; d < dims; d++) s0 += matrix[base + d]! * query[d]!;
      const score = s0 + s1 + s2 + s3;
      if (score <= topScores[k - 1]!) continue;
      let at = k - 1;
      while (at > 0 && topScores[at - 1]! < score) {
        topScores[at] = topScores[at - 1]!;
        topRows[at] = topRows[at - 1]!;
        at--;
      }
      topScores[at] = score;
      topRows[at] = row;
    }
    const hits: SearchHit[] = [];
    for (let i = 0; i < k && topRows[i]! >= 0; i++) {
      hits.push({ passage: this.rowPassages[topRows[i]!]!, score: topScores[i]! });
    }
    return hits;
  }
}
