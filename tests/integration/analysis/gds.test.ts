// `analyze --engine gds` through the real CLI against the real Neo4j. What can be checked depends on
// the server, and the test asks the server rather than assuming: without Graph Data Science (the
// default test instance) the command must refuse with a message naming the missing plugin and write
// nothing; with it (CARECIRCLE_NEO4J_GDS=1 when the instance is started) Louvain and PageRank run in
// the database and land in the same properties the Node engine writes.
import { describe, expect, it } from 'vitest';
import { gdsVersion } from '../../../queries/analysis/gds.ts';
import type { Db } from '../../../queries/db.ts';
import { runCli } from '../../helpers/cli.ts';
import { testDb, useTestGraph } from '../../helpers/db.ts';
import { accounts, writeKnownGraph } from './known-graph.ts';

const diabetes = ['x:d0', 'x:d1', 'x:d2', 'x:d3', 'x:d4', 'x:d5', 'x:d6', 'x:d7'];
const cancer = ['x:c0', 'x:c1', 'x:c2', 'x:c3', 'x:c4', 'x:c5'];

const probe = testDb();
const version = await gdsVersion(probe);
await probe.close();

async function accountProps(db: Db) {
  const rows = await db.read(
    'MATCH (a:Account) RETURN a.id AS id, a.community AS community, a.pagerank AS pr',
  );
  return new Map(rows.map((r) => [r.id as string, r as { community: number | null; pr: number | null }]));
}

describe(`analyze --engine gds (server ${version ? `with GDS ${version}` : 'without GDS'})`, () => {
  let db: Db;
  useTestGraph((opened) => (db = opened), { fill: writeKnownGraph });

  it('refuses a resolution other than 1 as bad usage: GDS Louvain has none', async () => {
    const r = await runCli(['analyze', '--engine', 'gds', '--resolution', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no resolution parameter');
  });

  it('refuses an unknown engine as bad usage', async () => {
    const r = await runCli(['analyze', '--engine', 'spark']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--engine must be node or gds');
  });

  if (version === null) {
    it('says GDS is not installed on the connected server, exits 1 and writes nothing', async () => {
      const r = await runCli(['analyze', '--engine', 'gds']);
      expect(r.code, r.stdout).toBe(1);
      expect(r.stderr).toContain('Neo4j Graph Data Science is not installed on the connected server');
      expect(r.stderr).toContain('no gds.* procedure');
      expect(r.stderr).toContain('--engine node');
      expect(r.stderr).not.toContain('    at '); // a message, not a stack trace
      const [row] = await db.read(
        'MATCH (a:Account) WHERE a.community IS NOT NULL OR a.pagerank IS NOT NULL RETURN count(a) AS n',
      );
      expect(row?.n).toBe(0);
      const [runs] = await db.read('MATCH (r:AnalysisRun) RETURN count(r) AS n');
      expect(runs?.n).toBe(0);
      const json = await runCli(['analyze', '--engine', 'gds', '--json']);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ error: 'GdsNotInstalledError' });
    });
  } else {
    it('runs Louvain and PageRank inside Neo4j and writes community and pagerank like the Node engine', async () => {
      const r = await runCli(['analyze', '--engine', 'gds', '--json']);
      expect(r.code, r.stderr).toBe(0);
      const s = JSON.parse(r.stdout);
      expect(s.params).toMatchObject({ engine: 'gds', resolution: 1 });
      expect(s.counts).toMatchObject({ accounts: accounts.length, interactions: 28 });
      const props = await accountProps(db);
      const dc = props.get('x:d0')!.community;
      const cc = props.get('x:c0')!.community;
      expect(dc).not.toBeNull();
      expect(dc).not.toBe(cc);
      for (const id of diabetes) expect(props.get(id)!.community, id).toBe(dc);
      for (const id of cancer) expect(props.get(id)!.community, id).toBe(cc);
      // PageRank is rescaled to sum to 1, as the Node engine's does.
      const sum = [...props.values()].reduce((t, p) => t + (p.pr ?? 0), 0);
      expect(sum).toBeCloseTo(1, 9);
      const [run] = await db.read(
        'MATCH (r:AnalysisRun) RETURN r.engine AS engine ORDER BY r.at DESC LIMIT 1',
      );
      expect(run?.engine).toBe('gds');
      const [communities] = await db.read('MATCH (c:Community) RETURN collect(c.id) AS ids');
      expect((communities!.ids as number[]).sort()).toEqual(
        [...new Set([...props.values()].map((p) => p.community).filter((c) => c !== null))].sort(),
      );
      // The projections are dropped after the run.
      const [graphs] = await db.read(
        'CALL gds.graph.list() YIELD graphName WHERE graphName STARTS WITH $p RETURN count(*) AS n',
        { p: 'carecircle-' },
      );
      expect(graphs?.n).toBe(0);
    });

    it('gives the same communities when run again, and agrees with the Node engine', async () => {
      const before = await accountProps(db);
      const again = await runCli(['analyze', '--engine', 'gds', '--json']);
      expect(again.code, again.stderr).toBe(0);
      const after = await accountProps(db);
      for (const [id, p] of before) expect(after.get(id)!.community, id).toBe(p.community);
      const node = await runCli(['analyze', '--engine', 'node', '--json']);
      expect(node.code, node.stderr).toBe(0);
      const byNode = await accountProps(db);
      for (const [id, p] of after) expect(byNode.get(id)!.community, id).toBe(p.community);
    });
  }
});
