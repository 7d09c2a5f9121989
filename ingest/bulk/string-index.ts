// Strings numbered 0, 1, 2 … in the order they are first added, held in typed arrays: the characters of
// every string in one growing array (a byte each while every character is Latin-1, as ids usually
// are; UTF-16 code units from the first one that is not), a hash per string, and an open-addressing
// table of indexes.
// `ingest --bulk` keeps a million post ids this way instead of in a Map<string, number>: about 35 bytes
// a post outside the JavaScript heap instead of ~80 inside it, and nothing for the garbage collector to
// trace. Lookups compare the characters themselves, so distinct ids never share an index.

const EMPTY = -1;

/** FNV-1a over UTF-16 code units, with a final avalanche so similar ids spread over the table. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

export class StringIndex {
  private chars: Uint8Array | Uint16Array = new Uint8Array(1 << 16);
  private used = 0;
  /** starts[i] … starts[i + 1]: the characters of string i. */
  private starts = new Float64Array(1024);
  private hashes = new Uint32Array(1024);
  private table: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 12) {
    const cap = 1 << Math.ceil(Math.log2(Math.max(capacity, 16)));
    this.table = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
  }

  private equals(i: number, s: string): boolean {
    const start = this.starts[i]!;
    if (this.starts[i + 1]! - start !== s.length) return false;
    for (let k = 0; k < s.length; k++) if (this.chars[start + k] !== s.charCodeAt(k)) return false;
    return true;
  }

  /** The table slot holding `s`, or the empty slot where it would go. */
  private slot(s: string, h: number): number {
    let j = h & this.mask;
    for (;;) {
      const i = this.table[j]!;
      if (i === EMPTY || (this.hashes[i] === h && this.equals(i, s))) return j;
      j = (j + 1) & this.mask;
    }
  }

  /** The index of `s`, or -1. */
  get(s: string): number {
    return this.table[this.slot(s, hash(s))]!;
  }

  /** The index of `s`, adding it if new. */
  add(s: string): number {
    const h = hash(s);
    let j = this.slot(s, h);
    const found = this.table[j]!;
    if (found !== EMPTY) return found;
    if ((this.size + 1) * 4 > (this.mask + 1) * 3) {
      this.growTable();
      j = this.slot(s, h);
    }
    const i = this.size;
    if (i + 2 > this.starts.length) {
      this.starts = grown(this.starts, i + 2);
      this.hashes = grown(this.hashes, i + 2);
    }
    if (this.used + s.length > this.chars.length) this.chars = grown(this.chars, this.used + s.length);
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (c > 0xff && this.chars instanceof Uint8Array) this.chars = Uint16Array.from(this.chars);
      this.chars[this.used + k] = c;
    }
    this.used += s.length;
    this.starts[i + 1] = this.used;
    this.hashes[i] = h;
    this.table[j] = i;
    this.size += 1;
    return i;
  }

  private growTable(): void {
    const cap = (this.mask + 1) * 2;
    this.table = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
    for (let i = 0; i < this.size; i++) {
      let j = this.hashes[i]! & this.mask;
      while (this.table[j] !== EMPTY) j = (j + 1) & this.mask;
      this.table[j] = i;
    }
  }
}

/** A copy of `a` with room for at least `need` elements (doubling, so appends stay amortised O(1)). */
function grown<T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(a: T, need: number): T {
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}
