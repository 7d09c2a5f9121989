import { describe, expect, it } from 'vitest';
import { authorConflicts, prepare, type Unit } from '../../../ingest/decide.ts';
import type { CanonicalRecord } from '../../../queries/model.ts';

const post = (id: string, author: string, target = 'csv:z'): CanonicalRecord => ({
  kind: 'post',
  id,
  platform: 'csv',
  author,
  hashtags: ['t1d'],
  interactions: [{ type: 'mention', target, weight: 1 }],
});
const unit = (line: number, ...records: CanonicalRecord[]): Unit => ({ records, line });

describe('authorConflicts', () => {
  it('compares every claim with the first accepted author; a refused unit introduces nothing', () => {
    const units = [
      unit(2, post('csv:p1', 'csv:alice')),
      // Refused for p1, so its p9 is not introduced by bob…
      unit(3, post('csv:p9', 'csv:bob'), post('csv:p1', 'csv:bob')),
      unit(4, post('csv:p1', 'csv:bob')),
      // …and carol's p9 is the first accepted claim.
      unit(5, post('csv:p9', 'csv:carol')),
      unit(6, post('csv:p9', 'csv:carol'), post('csv:p1', 'csv:alice')),
    ];
    expect(authorConflicts(units, new Map())).toEqual(
      new Map([
        [1, 'post csv:p1 already belongs to csv:alice; this row says csv:bob'],
        [2, 'post csv:p1 already belongs to csv:alice; this row says csv:bob'],
      ]),
    );
  });

  it('prefers the stored author, and catches one unit naming two authors for a post', () => {
    const units = [
      unit(1, post('csv:s1', 'csv:bob')),
      unit(2, post('csv:s1', 'csv:alice')),
      unit(3, post('csv:n1', 'csv:x'), post('csv:n1', 'csv:y')),
    ];
    expect(authorConflicts(units, new Map([['csv:s1', 'csv:alice']]))).toEqual(
      new Map([
        [0, 'post csv:s1 already belongs to csv:alice; this row says csv:bob'],
        [2, 'post csv:n1 already belongs to csv:x; this row says csv:y'],
      ]),
    );
  });
});

describe('prepare with refused units', () => {
  it('leaves out everything of them and keeps the other units at their index', () => {
    const units = [unit(2, post('csv:p1', 'csv:alice')), unit(3, post('csv:p1', 'csv:bob', 'csv:erin'))];
    const p = prepare(units, new Map([[1, 'refused']]));
    expect(p.posts.map((x) => [x.u, x.id, x.author])).toEqual([[0, 'csv:p1', 'csv:alice']]);
    expect(p.tagged.map((t) => [t.u, t.author])).toEqual([[0, 'csv:alice']]);
    expect(p.rels.mention.map((r) => [r.u, r.author, r.target])).toEqual([[0, 'csv:alice', 'csv:z']]);
    expect(p.stubs.map((s) => s.id).sort()).toEqual(['csv:alice', 'csv:z']);
  });
});
