// Growable columns of numbers per node or pair index, in fixed-size typed-array chunks. Growing adds a
// chunk and copies nothing: a doubling array holds its old and new copies at once while it copies
// (1.5× its size at the peak), and at a million interactions those peaks were what pushed
// `ingest --bulk` past its memory goal. A chunk is 64k numbers, so the unused tail stays small.

const SHIFT = 16;
const CHUNK = 1 << SHIFT;
const LOW = CHUNK - 1;

type Numbers = Int32Array | Uint32Array | Float64Array;

class Chunks<T extends Numbers> {
  private readonly chunks: T[] = [];
  constructor(
    private readonly make: (n: number) => T,
    private readonly fill: number,
  ) {}

  /** Number of slots available without growing. */
  get capacity(): number {
    return this.chunks.length * CHUNK;
  }

  get(i: number): number {
    const c = this.chunks[i >>> SHIFT];
    return c === undefined ? this.fill : c[i & LOW]!;
  }

  set(i: number, v: number): void {
    if (!(i >= 0 && i < 2 ** 32)) throw new RangeError(`column index ${i} is outside 0…2^32-1`);
    while (i >= this.capacity) {
      const c = this.make(CHUNK);
      if (this.fill !== 0) c.fill(this.fill);
      this.chunks.push(c);
    }
    this.chunks[i >>> SHIFT]![i & LOW] = v;
  }
}

/** A small integer per index (post flags, first authors); `fill` where nothing was set. */
export class IntColumn {
  private readonly data: Chunks<Int32Array>;
  constructor(fill = 0) {
    this.data = new Chunks((n) => new Int32Array(n), fill);
  }
  get(i: number): number {
    return this.data.get(i);
  }
  set(i: number, v: number): void {
    this.data.set(i, v);
  }
}

/** An append-only list of unsigned 32-bit integers. */
export class Uint32List {
  private readonly data = new Chunks((n) => new Uint32Array(n), 0);
  length = 0;
  push(v: number): void {
    this.data.set(this.length++, v);
  }
  get(i: number): number {
    return this.data.get(i);
  }
}

/** `width` doubles per index (the per-pair weights, the per-account hashtag counts), starting at 0. */
export class Counters {
  private readonly data = new Chunks((n) => new Float64Array(n), 0);
  constructor(readonly width: number) {}
  get(index: number, k: number): number {
    return this.data.get(index * this.width + k);
  }
  set(index: number, k: number, v: number): void {
    this.data.set(index * this.width + k, v);
  }
  add(index: number, k: number, v: number): void {
    this.set(index, k, this.get(index, k) + v);
  }
}
