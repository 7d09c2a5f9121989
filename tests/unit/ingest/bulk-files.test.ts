// The pieces of `ingest --bulk` that need no Neo4j: the integer pair tables, the chunked columns and
// the per-post runs that hold relationship keys and counters, and the string table of post ids (each checked against a plain Set or Map through many
// growths) and the CSV quoting of untrusted text.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvOut } from '../../../ingest/bulk/csv-out.ts';
import { Counters, IntColumn } from '../../../ingest/bulk/columns.ts';
import { PairIndex, PairSet } from '../../../ingest/bulk/pairs.ts';
import { PostRelationships } from '../../../ingest/bulk/post-rels.ts';
import { StringIndex } from '../../../ingest/bulk/string-index.ts';
import { seededRng } from '../../../queries/random.ts';

/** Repeatable integers in [0, below). */
function intsBelow(below: number, seed: number): () => number {
  const rng = seededRng(seed);
  return () => Math.floor(rng() * below);
}

describe('PairIndex', () => {
  it('agrees with a Set of pairs while it grows, and numbers pairs in order', () => {
    const t = new PairIndex(16);
    const ref = new Map<string, number>();
    let wrong = 0;
    const next = intsBelow(5000, 7);
    for (let n = 0; n < 60_000; n++) {
      const a = next();
      const b = next() * 8 + (n % 7);
      const key = `${a},${b}`;
      if (t.has(a, b) !== ref.has(key)) wrong += 1;
      const i = t.index(a, b);
      if (!ref.has(key)) ref.set(key, ref.size);
      if (i !== ref.get(key)) wrong += 1;
    }
    expect(wrong).toBe(0);
    expect(t.size).toBe(ref.size);
    const listed = [...t.entries()].map(([a, b, i]) => [`${a},${b}`, i]);
    expect(new Map(listed as [string, number][])).toEqual(ref);
    expect(t.get(4999, 2 ** 32 - 2)).toBe(-1);
  }, 30_000);

  it('refuses a pair it cannot hold', () => {
    expect(() => new PairIndex().index(-1, 0)).toThrow(RangeError);
    expect(() => new PairSet().add(0, 2 ** 32)).toThrow(RangeError);
  });

  it('PairSet agrees with a Set of pairs while it grows', () => {
    const t = new PairSet(16);
    const ref = new Set<string>();
    let wrong = 0;
    const next = intsBelow(3000, 11);
    for (let n = 0; n < 40_000; n++) {
      const a = next();
      const b = next() * 8 + (n % 6);
      const key = `${a},${b}`;
      if (t.has(a, b) !== ref.has(key)) wrong += 1;
      if (t.add(a, b) === ref.has(key)) wrong += 1;
      ref.add(key);
    }
    expect(wrong).toBe(0);
    expect(t.size).toBe(ref.size);
  }, 30_000);
});

describe('columns', () => {
  it('keep counters per index across chunks, starting at 0', () => {
    const c = new Counters(6);
    // 6 × 40,000 doubles span several 64k chunks.
    for (let i = 0; i < 40_000; i++) c.add(i, 5, i);
    for (let i = 0; i < 40_000; i += 2) c.add(i, 5, 0.5);
    expect([c.get(0, 5), c.get(39_999, 5), c.get(21_846, 5), c.get(21_846, 4)]).toEqual([
      0.5, 39_999, 21_846.5, 0,
    ]);
    expect(c.get(1e6, 0)).toBe(0);
  });

  it('IntColumn gives its fill value where nothing was set, across chunks', () => {
    const col = new IntColumn(-1);
    col.set(70_000, 7);
    col.set(3, 3);
    expect([col.get(3), col.get(4), col.get(70_000), col.get(70_001), col.get(500_000)]).toEqual([
      3, -1, 7, -1, -1,
    ]);
    expect(() => col.set(2 ** 32, 1)).toThrow(RangeError);
  });
});

describe('PostRelationships', () => {
  it('agrees with a Set of (post, key) while posts open, with keys added to older posts later', () => {
    const t = new PostRelationships();
    const ref = new Set<string>();
    const next = intsBelow(1_000_000, 5);
    let wrong = 0;
    let posts = 0;
    for (let n = 0; n < 60_000; n++) {
      const r = next();
      // Mostly a new post with a few keys; sometimes a key for a random older post.
      const post = r % 5 === 0 && posts > 0 ? r % posts : posts++;
      if (post === posts - 1 && !ref.has(`${post},open`)) {
        t.opened(post);
        ref.add(`${post},open`);
      }
      for (let k = 0; k < 1 + (r % 4); k++) {
        const key = (next() % 300) * 8 + (r % 6);
        if (t.has(post, key) !== ref.has(`${post},${key}`)) wrong += 1;
        if (!ref.has(`${post},${key}`)) {
          t.add(post, key);
          ref.add(`${post},${key}`);
        }
      }
    }
    expect(wrong).toBe(0);
    expect(posts).toBeGreaterThan(40_000);
    for (const k of ref) {
      const [post, key] = k.split(',');
      if (key !== 'open' && !t.has(Number(post), Number(key))) wrong += 1;
    }
    expect(wrong).toBe(0);
    expect(t.has(posts + 10, 8)).toBe(false);
    expect(() => t.opened(posts + 5)).toThrow(/out of order/);
  }, 30_000);
});

describe('StringIndex', () => {
  it('agrees with a Map while it grows, numbering strings in order', () => {
    const t = new StringIndex(16);
    const ref = new Map<string, number>();
    let wrong = 0;
    const next = intsBelow(30_000, 3);
    // Ids that differ in one character, a prefix of another, empty, and outside Latin-1.
    const id = (n: number) => ['csv:p', 'csv:p1', '', 'x:été-', 'bluesky:did:plc:🙂'][n % 5]! + (n >> 2);
    for (let n = 0; n < 60_000; n++) {
      const s = id(next());
      if (t.get(s) !== (ref.get(s) ?? -1)) wrong += 1;
      const i = t.add(s);
      if (!ref.has(s)) ref.set(s, ref.size);
      if (i !== ref.get(s)) wrong += 1;
    }
    expect(wrong).toBe(0);
    expect(t.size).toBe(ref.size);
    expect(t.get('csv:p')).toBe(ref.get('csv:p') ?? -1);
    expect(t.get('never added')).toBe(-1);
  }, 30_000);

  it('keeps the strings it has when the first one beyond Latin-1 arrives', () => {
    const t = new StringIndex(16);
    const ids = Array.from({ length: 3000 }, (_, n) => `csv:é${n}`);
    for (const id of ids) t.add(id);
    expect(t.add('bluesky:did:plc:🙂')).toBe(3000);
    expect(t.add('x:\u0100')).toBe(3001);
    expect(ids.map((id) => t.get(id))).toEqual(ids.map((_, n) => n));
    expect(t.get('bluesky:did:plc:🙂')).toBe(3000);
    expect(t.get('x:\u00ff')).toBe(-1);
  });
});

describe('CsvOut', () => {
  it('keeps quotes, commas, semicolons and line breaks inside their field, and notes line breaks', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'bulk-csv-')), 'x.csv');
    const out = new CsvOut(file, ':ID,text,n:double');
    const nasty = 'He said "hi", then; left\nsecond line \\ end\r\n"';
    out.row(`0,${out.str(nasty)},${out.val(0.1)}`);
    out.row(`1,${out.str(null)},${out.val(null)}`);
    expect(out.multiline).toBe(true);
    await out.close();
    const rows = parse(readFileSync(file, 'utf8'), { relax_quotes: false }) as string[][];
    expect(rows).toEqual([
      [':ID', 'text', 'n:double'],
      ['0', nasty, '0.1'],
      ['1', '', ''],
    ]);
    // Missing values are empty unquoted fields (no property), never "" (an empty string).
    expect(readFileSync(file, 'utf8').trimEnd().split('\n').at(-1)).toBe('1,,');
  });
});
