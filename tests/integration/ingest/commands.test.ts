// stats, reset and the demo data as a user meets them: through the command line and the demo's loader.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDemoData } from '../../../ingest/demo/ensure.ts';
import type { Db } from '../../../queries/db.ts';
import { runCli } from '../../helpers/cli.ts';
import { resetGraph, useTestGraph } from '../../helpers/db.ts';
import { derivedMismatches, graphState } from './state.ts';

let db: Db;
useTestGraph((opened) => (db = opened));

describe('ingest, stats, reset and demo-data commands', () => {
  it('print --help', async () => {
    for (const cmd of ['ingest', 'stats', 'reset', 'demo-data']) {
      const r = await runCli([cmd, '--help']);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout).toMatch(/Usage:/);
      expect(r.stdout).toMatch(/--json/);
    }
  });

  it('stats --json prints exactly the DESIGN.md shape; reset keeps users unless --all', async () => {
    const load = await runCli(['ingest', 'tests/fixtures/ingest/graph/care-network.gexf']);
    expect(load.code).toBe(0);
    expect(load.stdout).toMatch(/read\s+loaded\s+duplicates\s+rejected/);
    expect(load.stdout).toMatch(/rows\/s/);
    await db.write("CREATE (:User {name: 'ingest-test-user'})");

    const stats = await runCli(['stats', '--json']);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toEqual({
      accounts: 4,
      hashtags: 3,
      posts: 4,
      interactions: { mention: 1, reply: 1, repost: 1, quote: 1, follow: 1 },
    });

    expect((await runCli(['reset'])).code).toBe(2);
    const reset = await runCli(['reset', '--yes', '--json']);
    expect(reset.code).toBe(0);
    expect(JSON.parse(reset.stdout).stats).toEqual({
      accounts: 0,
      hashtags: 0,
      posts: 0,
      interactions: { mention: 0, reply: 0, repost: 0, quote: 0, follow: 0 },
    });
    const [kept] = await db.read('MATCH (u:User) RETURN count(u) AS n');
    expect(kept?.n).toBe(1);
    expect((await runCli(['reset', '--yes', '--all'])).code).toBe(0);
    const [gone] = await db.read('MATCH (u:User) RETURN count(u) AS n');
    expect(gone?.n).toBe(0);
  });

  it('demo-data writes the same files for the same seed', async () => {
    const a = mkdtempSync(path.join(os.tmpdir(), 'demo-a-'));
    const b = mkdtempSync(path.join(os.tmpdir(), 'demo-b-'));
    const ra = await runCli(['demo-data', '--out', a, '--accounts', '300', '--seed', '5', '--json']);
    const rb = await runCli(['demo-data', '--out', b, '--accounts', '300', '--seed', '5', '--json']);
    expect(ra.code).toBe(0);
    expect(JSON.parse(ra.stdout)).toMatchObject({ accounts: 300, interactions: 3600 });
    for (const f of ['accounts.csv', 'edges.csv']) {
      expect(readFileSync(path.join(a, f), 'utf8')).toBe(readFileSync(path.join(b, f), 'utf8'));
    }
    expect(rb.code).toBe(0);
  });
});

describe('ensureDemoData', () => {
  it('loads the demo network into an empty graph, and only then', async () => {
    await resetGraph(db);
    const log: string[] = [];
    const first = await ensureDemoData(db, (l) => log.push(l), { accounts: 400 });
    expect(first).not.toBeNull();
    expect(first!.rejected).toBe(0);
    const { stats } = await graphState(db);
    expect(stats.accounts).toBe(400);
    expect(stats.interactions.mention + stats.interactions.reply + stats.interactions.repost).toBeGreaterThan(
      3000,
    );
    expect(stats.hashtags).toBeGreaterThan(15);
    expect(await derivedMismatches(db)).toBe(0);
    // Profiles read like health accounts: most bios carry a specialty hashtag; some locations are blank.
    const [bios] = await db.read(
      `MATCH (a:Account) RETURN sum(CASE WHEN a.bio CONTAINS '#' THEN 1 ELSE 0 END) AS tagged,
              sum(CASE WHEN coalesce(a.location, '') = '' THEN 1 ELSE 0 END) AS blank`,
    );
    expect(Number(bios?.tagged)).toBeGreaterThan(200);
    expect(Number(bios?.blank)).toBeGreaterThan(0);
    expect(await ensureDemoData(db, () => {}, { accounts: 400 })).toBeNull();
    expect(log.join('\n')).toMatch(/demo network loaded/);
  });
});
