// The projection reads accounts page by page while ingest may still be adding some. An account met
// only as an interaction target (its range was read before it was created) must still get its own id,
// and one deleted meanwhile must disappear with its edges instead of leaving a nameless slot.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../queries/db.ts';
import { edgeListFrom } from '../../../queries/analysis/edges.ts';
import { projectAccounts, withLateAccounts } from '../../../queries/analysis/projection.ts';
import { AnalysisParams } from '../../../queries/analysis/params.ts';
import { useTestGraph } from '../../helpers/db.ts';
import { writeKnownGraph } from './known-graph.ts';

describe('analysis projection', () => {
  let db: Db;
  useTestGraph((opened) => (db = opened));

  it('reads every account once, in id order, with each interaction as one weighted edge', async () => {
    await writeKnownGraph(db);
    const expected = await db.read(
      'MATCH (a:Account)-[r:INTERACTS]->(b:Account) WHERE a <> b RETURN a.id AS a, b.id AS b, r.total AS total',
    );
    const small = await projectAccounts(db, { weights: AnalysisParams.parse({}).weights, pageSize: 3 });
    const large = await projectAccounts(db, { weights: AnalysisParams.parse({}).weights, pageSize: 1000 });
    expect(new Set(small.ids).size).toBe(small.ids.length);
    expect(small.ids).toEqual(large.ids);
    expect(small.edges.m).toBe(expected.length);
    const read = new Set<string>();
    for (let e = 0; e < small.edges.m; e++) {
      read.add(`${small.ids[small.edges.src[e]!]}>${small.ids[small.edges.dst[e]!]}`);
    }
    expect(read).toEqual(new Set(expected.map((r) => `${r.a as string}>${r.b as string}`)));
  });

  it('names targets created during the read and drops ones deleted meanwhile', async () => {
    await db.write("CREATE (:Account {id: 'x:late', handle: 'late'})");
    const [row] = await db.read("MATCH (a:Account {id: 'x:late'}) RETURN id(a) AS node");
    const lateNode = row!.node as number;
    const goneNode = 2 ** 40; // no node has this id
    const p = {
      ids: ['x:d0', '', ''],
      handles: ['d0', null, null],
      previous: [null, null, null],
      places: [null, null, null],
      unresolvedLocations: 0,
      specialties: [['endocrinology'], [], []],
      roles: ['clinician' as const, 'other' as const, 'other' as const],
      tagAccount: [0, 2],
      tagName: ['t1d', 'gone'],
      tagCount: [3, 1],
    };
    const index = new Map([
      [1, 0],
      [lateNode, 1],
      [goneNode, 2],
    ]);
    const edges = await withLateAccounts(
      db,
      p,
      index,
      edgeListFrom(3, [
        [0, 1, 2],
        [0, 2, 1],
        [2, 1, 5],
      ]),
    );
    expect(p.ids).toEqual(['x:d0', 'x:late']);
    expect(p.handles).toEqual(['d0', 'late']);
    expect(p.specialties).toEqual([['endocrinology'], []]);
    expect([p.tagAccount, p.tagName, p.tagCount]).toEqual([[0], ['t1d'], [3]]);
    expect(edges.n).toBe(2);
    expect(edges.m).toBe(1);
    expect([edges.src[0], edges.dst[0], edges.weight[0]]).toEqual([0, 1, 2]);
  });
});
