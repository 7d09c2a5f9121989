import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findPhi, PhiKind } from '../../../queries/phi/detect.ts';

const Note = z.object({ text: z.string(), phi: z.boolean(), kind: z.enum(PhiKind).optional() });
const notes = readFileSync(new URL('../../fixtures/phi/notes.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => Note.parse(JSON.parse(l)));

describe('PHI guard on the labelled notes', () => {
  it('has at least 100 notes, about half with identifiers', () => {
    expect(notes.length).toBeGreaterThanOrEqual(100);
    const withPhi = notes.filter((n) => n.phi).length;
    expect(withPhi / notes.length).toBeGreaterThan(0.4);
    expect(withPhi / notes.length).toBeLessThan(0.6);
  });

  it('reaches precision and recall of at least 0.95 and names the right kind', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let rightKind = 0;
    const misses: string[] = [];
    for (const n of notes) {
      const found = findPhi(n.text);
      if (found.length > 0 && n.phi) {
        tp++;
        if (found.some((f) => f.kind === n.kind)) rightKind++;
        else misses.push(`kind ${found.map((f) => f.kind).join(',')} ≠ ${n.kind}: ${n.text}`);
      } else if (found.length > 0) {
        fp++;
        misses.push(`false positive ${found.map((f) => f.kind).join(',')}: ${n.text}`);
      } else if (n.phi) {
        fn++;
        misses.push(`missed ${n.kind}: ${n.text}`);
      }
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(
      `PHI guard on ${notes.length} notes: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, ` +
        `kind named correctly ${rightKind}/${tp}` +
        (misses.length ? `\n  ${misses.join('\n  ')}` : ''),
    );
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(rightKind / tp).toBeGreaterThanOrEqual(0.9);
    // The first call loads chrono-node's grammar; on a busy shared machine that alone takes seconds.
  }, 60_000);

  it('points at where the identifier is', () => {
    const text = 'Lovely chat. Call her at (617) 555-0143 after 3pm.';
    const [hit] = findPhi(text);
    expect(hit?.kind).toBe('phone');
    expect(text.slice(hit!.start, hit!.end)).toBe('(617) 555-0143');
  });

  it('leaves the examples from the issue alone', () => {
    for (const t of [
      'call back Tuesday',
      '#T1D since 2019',
      'met at ADA 2024 booth 12',
      'follow-up in 2 weeks',
    ]) {
      expect(findPhi(t), t).toEqual([]);
    }
  });
});
