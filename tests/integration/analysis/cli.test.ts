// The analysis commands as a user runs them: analyze, influencers and export, through the real CLI
// against the real Neo4j; the GEXF and GraphML exports opened with Debian's python3-networkx.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../queries/db.ts';
import { runCli } from '../../helpers/cli.ts';
import { useTestGraph } from '../../helpers/db.ts';
import { accounts, writeKnownGraph } from './known-graph.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'carecircle-export-'));

/** Opens a file with networkx and reports what a user of networkx would look at. */
function networkx(kind: 'gexf' | 'graphml', file: string) {
  const script = `
import json, sys
import networkx as nx
g = nx.read_${kind}(sys.argv[1])
d0 = next(n for n, a in g.nodes(data=True) if a.get('handle') == 'bos_t1d_nurse' or a.get('label') == 'bos_t1d_nurse')
a = g.nodes[d0]
print(json.dumps({'directed': g.is_directed(), 'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(),
  'community': a.get('community'), 'score': a.get('score'), 'pagerank': a.get('pagerank'),
  'lat': a.get('lat'), 'lon': a.get('lon'), 'location': a.get('location'), 'specialties': a.get('specialties'),
  'communities': len({x.get('community') for _, x in g.nodes(data=True) if x.get('community') is not None}),
  'maxWeight': max(float(e.get('weight', 0)) for _, _, e in g.edges(data=True)),
  'position': a.get('viz', {}).get('position') or ({'x': a['x'], 'y': a['y']} if 'x' in a else None)}))
`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file]).toString()) as {
    directed: boolean;
    nodes: number;
    edges: number;
    community: number;
    score: number;
    pagerank: number;
    lat: number | null;
    lon: number | null;
    location: string | null;
    specialties: string | null;
    communities: number;
    maxWeight: number;
    position: { x: number; y: number } | null;
  };
}

describe('analysis commands', () => {
  let db: Db;
  useTestGraph((opened) => (db = opened), { fill: writeKnownGraph });

  it('analyze --json runs every phase and reports the counts', async () => {
    const r = await runCli(['analyze', '--seed', '5', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.params).toMatchObject({ seed: 5, resolution: 1 });
    expect(s.counts).toMatchObject({ accounts: accounts.length, interactions: 28, placesUnresolved: 2 });
    expect(s.counts.communities).toBeGreaterThanOrEqual(2);
    expect(Object.keys(s.ms)).toEqual([
      'read',
      'communities',
      'scores',
      'layout',
      'topics',
      'topic-scores',
      'write',
      'activity',
      'chats',
      'warm-up',
    ]);
    // The first reads were run once at the end, and none of them failed.
    expect(s.warmUp.reads).toBeGreaterThanOrEqual(4);
    expect(s.warmUp.failed).toEqual([]);
  });

  it('analyze shows progress per phase and a summary for people', async () => {
    const r = await runCli(['analyze']);
    expect(r.code, r.stderr).toBe(0);
    for (const phase of ['reading the graph', 'finding communities', 'scoring accounts', 'writing results']) {
      expect(r.stderr).toContain(phase);
    }
    expect(r.stdout).toMatch(/communities\s+\d/);
    expect(r.stdout).toMatch(/locations not resolved\s+2/);
  });

  it('analyze refuses a bad option with exit 2 naming it', async () => {
    const r = await runCli(['analyze', '--resolution', 'zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--resolution');
    const w = await runCli(['analyze', '--weights', 'reply=-1']);
    expect(w.code).toBe(2);
    expect(w.stderr).toContain('--weights: reply');
  });

  it('influencers --json filters by specialty and place and explains the ranking', async () => {
    const r = await runCli([
      'influencers',
      '--specialty',
      'diabetes',
      '--near',
      'Boston, MA',
      '--radius-km',
      '50',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const page = JSON.parse(r.stdout);
    expect(page.items[0].handle).toBe('bos_t1d_nurse');
    expect(page.items.map((i: { handle: string }) => i.handle)).not.toContain('sf_t1d_voice');
    expect(page.items[0].why.topInteractions[0]).toMatchObject({ handle: 'beacon_hill_bg', type: 'reply' });
    const human = await runCli([
      'influencers',
      '--specialty',
      'diabetes',
      '--near',
      'Boston, MA',
      '--limit',
      '2',
    ]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('@bos_t1d_nurse');
    expect(human.stdout).toContain('from @beacon_hill_bg 4× reply');
    expect(human.stdout).toContain('more: --cursor');
  });

  it('influencers says which option is wrong', async () => {
    const place = await runCli(['influencers', '--near', 'Xyzzyville, Nowhere']);
    expect(place.code).toBe(2);
    expect(place.stderr).toContain('near: no place called "Xyzzyville, Nowhere"');
    const role = await runCli(['influencers', '--role', 'wizard']);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('--role');
    const limit = await runCli(['influencers', '--limit', '501']);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain('--limit');
  });

  it('influencers names the option at fault for a specialty, a period or a sort it cannot use', async () => {
    const typo = await runCli(['influencers', '--specialty', 'cardiolgy']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(
      /--specialty: "cardiolgy" is not a known specialty; did you mean "cardiology"/,
    );
    const since = await runCli(['influencers', '--since', 'yesterday']);
    expect(since.code).toBe(2);
    expect(since.stderr).toContain('--since');
    const order = await runCli(['influencers', '--since', '2025-03-01', '--until', '2025-01-01']);
    expect(order.code).toBe(2);
    expect(order.stderr).toContain('--since: must be before');
    const sort = await runCli(['influencers', '--sort', 'topic']);
    expect(sort.code).toBe(2);
    expect(sort.stderr).toContain('--sort: "topic" needs a hashtag or a specialty');
  });

  it('export communities writes account_id,handle,community for every account in a community', async () => {
    const r = await runCli(['export', 'communities', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('account_id,handle,community');
    expect(lines).toHaveLength(accounts.length + 1);
    const byId = new Map(lines.slice(1).map((l) => [l.split(',')[0], l.split(',')]));
    expect(byId.get('x:d0')?.[1]).toBe('bos_t1d_nurse');
    expect(byId.get('x:d0')?.[2]).toBe(byId.get('x:d1')?.[2]);
    expect(byId.get('x:d0')?.[2]).not.toBe(byId.get('x:c0')?.[2]);
  });

  it.each(['gexf', 'graphml'] as const)(
    'export graph --format %s opens in networkx with community and scores',
    async (format) => {
      const file = path.join(dir, `graph.${format}`);
      const r = await runCli(['export', 'graph', '--format', format, '--out', file, '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ nodes: accounts.length, edges: 28 });
      const g = networkx(format, file);
      expect(g).toMatchObject({ directed: true, nodes: accounts.length, edges: 28 });
      expect(g.communities).toBeGreaterThanOrEqual(2);
      const [d0] = await db.read(
        "MATCH (a:Account {id: 'x:d0'}) RETURN a.community AS c, a.score AS s, a.lat AS lat, a.lon AS lon, a.location AS location, a.specialties AS sp, a.x AS x, a.y AS y",
      );
      expect(Number(g.community)).toBe(d0?.c);
      expect(Number(g.score)).toBeCloseTo(d0?.s as number, 9);
      // Where the account is and what it is about travel with it to Gephi and networkx.
      expect(d0?.lat).toEqual(expect.any(Number));
      expect(Number(g.lat)).toBeCloseTo(d0?.lat as number, 6);
      expect(Number(g.lon)).toBeCloseTo(d0?.lon as number, 6);
      expect(g.location).toBe(d0?.location);
      expect(g.specialties).toBe((d0?.sp as string[]).join(';'));
      // The stored map, so Gephi opens the picture Explore shows.
      expect(d0?.x).toEqual(expect.any(Number));
      expect(Number(g.position?.x)).toBeCloseTo(d0?.x as number, 6);
      expect(Number(g.position?.y)).toBeCloseTo(d0?.y as number, 6);
      // The heaviest edge, d1 → d0: 4 replies at weight 2 plus 2 mentions at weight 1.
      expect(g.maxWeight).toBe(10);
      expect(readFileSync(file, 'utf8').length).toBeGreaterThan(1000);
    },
  );

  it('export refuses a format that does not fit', async () => {
    const r = await runCli(['export', 'communities', '--format', 'gexf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format');
  });
});
