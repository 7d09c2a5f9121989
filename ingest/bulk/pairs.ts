// Compact sets and maps keyed by a pair of small non-negative integers (node indexes), in typed arrays:
// a million relationship keys take 8-16 bytes each here instead of ~100 as strings in a Set, which is
// what keeps `ingest --bulk` inside its memory goal at a million interactions.

const EMPTY = 0xffffffff;

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}

/**
 * Open addressing with linear probing over pairs, grown when 3/4 full. PairSet only answers "seen?"
 * (8 bytes a slot); PairIndex also numbers the pairs for counters kept beside it (12 bytes a slot).
 */
export class PairSet {
  protected keys: Uint32Array;
  protected mask: number;
  size = 0;

  constructor(capacity = 1 << 12) {
    const cap = 1 << Math.ceil(Math.log2(Math.max(capacity, 16)));
    this.keys = new Uint32Array(cap * 2).fill(EMPTY);
    this.mask = cap - 1;
  }

  /** The slot holding the pair, or the empty slot where it would go. */
  protected find(a: number, b: number): number {
    if (!(a >= 0 && a < EMPTY && b >= 0 && b < EMPTY))
      throw new RangeError(`pair (${a}, ${b}) is outside 0…2^32-2`);
    let i = mix(a, b) & this.mask;
    for (;;) {
      const k = this.keys[2 * i];
      if (k === EMPTY || (k === a && this.keys[2 * i + 1] === b)) return i;
      i = (i + 1) & this.mask;
    }
  }

  protected occupied(slot: number): boolean {
    return this.keys[2 * slot] !== EMPTY;
  }

  has(a: number, b: number): boolean {
    return this.occupied(this.find(a, b));
  }

  /** Adds the pair; true if it was new. */
  add(a: number, b: number): boolean {
    return this.insert(a, b) >= 0;
  }

  /** The new pair's slot, or -1 - slot when it was there already. */
  protected insert(a: number, b: number): number {
    let i = this.find(a, b);
    if (this.occupied(i)) return -1 - i;
    if ((this.size + 1) * 4 > (this.mask + 1) * 3) {
      this.grow();
      i = this.find(a, b);
    }
    this.keys[2 * i] = a;
    this.keys[2 * i + 1] = b;
    this.size += 1;
    return i;
  }

  /** Called while growing: the pair in old slot `from` now sits in slot `to`. */
  protected moved(_from: number, _to: number): void {}
  /** Called before growing to `capacity` slots, and once every pair has moved. */
  protected resizing(_capacity: number): void {}
  protected resized(): void {}

  private grow(): void {
    const old = this.keys;
    const cap = (this.mask + 1) * 2;
    this.resizing(cap);
    this.keys = new Uint32Array(cap * 2).fill(EMPTY);
    this.mask = cap - 1;
    for (let j = 0; j < old.length / 2; j++) {
      const a = old[2 * j]!;
      if (a === EMPTY) continue;
      const i = this.find(a, old[2 * j + 1]!);
      this.keys[2 * i] = a;
      this.keys[2 * i + 1] = old[2 * j + 1]!;
      this.moved(j, i);
    }
    this.resized();
  }
}

/** Each distinct pair gets the next index (0, 1, 2 …). */
export class PairIndex extends PairSet {
  private slots: Int32Array;
  private oldSlots: Int32Array | undefined;

  constructor(capacity = 1 << 12) {
    super(capacity);
    this.slots = new Int32Array(this.mask + 1);
  }

  /** The index of the pair, or -1. */
  get(a: number, b: number): number {
    const i = this.find(a, b);
    return this.occupied(i) ? this.slots[i]! : -1;
  }

  /** The pair's index, adding it if new. */
  index(a: number, b: number): number {
    const i = this.insert(a, b);
    if (i < 0) return this.slots[-1 - i]!;
    this.slots[i] = this.size - 1;
    return this.size - 1;
  }

  /** Every pair with its index, in table order. */
  *entries(): Generator<[a: number, b: number, index: number]> {
    for (let i = 0; i <= this.mask; i++) {
      const a = this.keys[2 * i]!;
      if (a !== EMPTY) yield [a, this.keys[2 * i + 1]!, this.slots[i]!];
    }
  }

  protected override resizing(capacity: number): void {
    this.oldSlots = this.slots;
    this.slots = new Int32Array(capacity);
  }
  protected override moved(from: number, to: number): void {
    this.slots[to] = this.oldSlots![from]!;
  }
  protected override resized(): void {
    this.oldSlots = undefined;
  }
}
