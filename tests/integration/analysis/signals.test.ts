// Issue 14 items 3, 5 and 6 on the seeded demo network: planted spam is flagged and real accounts are
// not, spam hashtags are flagged and left out of topics, local reach is written, and every community
// is connected (Leiden) with a stability between 0 and 1.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../ingest/demo/generate.ts';
import { SPAM_BIO_START } from '../../../ingest/demo/spam.ts';
import { PHRASES } from '../../../ingest/demo/vocabulary.ts';
import { disconnectedCommunities } from '../../../queries/analysis/louvain-csr.ts';
import { detectCommunities } from '../../../queries/analysis/louvain.ts';
import { AnalysisParams } from '../../../queries/analysis/params.ts';
import { projectAccounts } from '../../../queries/analysis/projection.ts';
import { runAnalysis, type AnalysisSummary } from '../../../queries/analysis/run.ts';
import type { Db } from '../../../queries/db.ts';
import { applySchema } from '../../../queries/schema.ts';
import { accountProfile } from '../../../queries/accounts.ts';
import { hashtagCooccurrence } from '../../../queries/hashtags.ts';
import { markTestDatabase, resetGraph, testDb } from '../../helpers/db.ts';
import { load } from '../ingest/load.ts';

let db: Db;
let summary: AnalysisSummary;
beforeAll(async () => {
  db = testDb();
  await markTestDatabase(db);
  await applySchema(db);
  await resetGraph(db);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'signals-demo-'));
  const demo = await generateDemo({ outDir: dir, accounts: 1500, interactions: 24_000, seed: 11 });
  await load(db, demo.files);
  summary = await runAnalysis(db, { seed: 3 });
}, 600_000);
afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

interface Acc {
  id: string;
  bio: string | null;
  spamFlag: string | null;
  localReach: number | null;
  lat: number | null;
  community: number | null;
}
async function accounts(): Promise<Acc[]> {
  return (await db.read(
    `MATCH (a:Account) RETURN a.id AS id, a.bio AS bio, a.spamFlag AS spamFlag, a.localReach AS localReach,
            a.lat AS lat, a.community AS community ORDER BY a.id`,
  )) as unknown as Acc[];
}

describe('spam and bot flags on the demo network', () => {
  it('flags every planted spam account and almost every bot, and no more than 1 % of the others', async () => {
    const all = await accounts();
    const planted = all.filter((a) => a.bio?.startsWith(SPAM_BIO_START));
    const bots = all.filter((a) => a.bio !== null && PHRASES.bot.includes(a.bio));
    const real = all.filter((a) => !planted.includes(a) && !bots.includes(a));
    expect(planted.length).toBeGreaterThanOrEqual(3);
    for (const a of planted) expect(a.spamFlag).toMatch(/follows [\d,]+ accounts, followed by \d+/);
    expect(planted.some((a) => a.spamFlag?.includes('#'))).toBe(true);
    const botsFlagged = bots.filter((a) => a.spamFlag !== null).length;
    const realFlagged = real.filter((a) => a.spamFlag !== null);
    console.log(
      `demo: planted ${planted.length} flagged ${planted.filter((a) => a.spamFlag).length}; bots ${bots.length} ` +
        `flagged ${botsFlagged}; others ${real.length} flagged ${realFlagged.length}` +
        (realFlagged[0] ? ` (e.g. ${realFlagged[0].spamFlag})` : ''),
    );
    expect(botsFlagged).toBeGreaterThanOrEqual(0.9 * bots.length);
    expect(realFlagged.length).toBeLessThanOrEqual(0.01 * real.length);
    expect(summary.counts.spamAccounts).toBe(all.filter((a) => a.spamFlag !== null).length);
  });

  it('flags the promotional hashtags with a reason, not the health ones, and leaves them out of topics', async () => {
    const rows = (await db.read(
      `MATCH (h:Hashtag) WHERE h.tag IN ['followback', 'giveaway', 'cryptogiveaway', 't1d', 'bcsm']
       RETURN h.tag AS tag, h.spam AS spam, h.spamReason AS reason, h.topic AS topic ORDER BY tag`,
    )) as { tag: string; spam: boolean | null; reason: string | null; topic: number | null }[];
    const byTag = new Map(rows.map((r) => [r.tag, r]));
    for (const t of ['followback', 'giveaway', 'cryptogiveaway']) {
      expect(byTag.get(t)).toMatchObject({
        spam: true,
        reason: expect.stringContaining('promotional'),
        topic: null,
      });
    }
    for (const t of ['t1d', 'bcsm']) {
      if (!byTag.has(t)) continue;
      expect(byTag.get(t)!.spam ?? false).toBe(false);
      expect(byTag.get(t)!.topic).not.toBeNull();
    }
  });
});

describe('hashtag co-occurrence (GET /api/hashtags)', () => {
  it('leaves spam hashtags out by default and shows them with the reason on request', async () => {
    const plain = await hashtagCooccurrence(db, { limit: 200 });
    expect(plain.items.length).toBeGreaterThan(0);
    expect(plain.items.filter((i) => 'spam' in i)).toEqual([]);
    expect(plain.items.map((i) => i.tag)).not.toContain('followback');
    expect(plain.pairs.flatMap((p) => [p.a, p.b])).not.toContain('followback');
    const all = await hashtagCooccurrence(db, { limit: 200, spam: 'include' });
    expect(all.items).toContainEqual(
      expect.objectContaining({
        tag: 'followback',
        spam: true,
        spamReason: expect.stringContaining('promotional'),
      }),
    );
    const around = await hashtagCooccurrence(db, { tag: 'giveaway', limit: 50 });
    expect(around.pairs.map((p) => p.b)).not.toContain('followback');
    const aroundAll = await hashtagCooccurrence(db, { tag: 'giveaway', limit: 50, spam: 'include' });
    expect(aroundAll.pairs.map((p) => p.b)).toContain('followback');
  });
});

describe('local reach on the demo network', () => {
  it('is a share between 0 and 1 where the account has coordinates and attention, null without a place', async () => {
    const all = await accounts();
    const placed = all.filter((a) => a.localReach !== null);
    expect(placed.length).toBeGreaterThan(100);
    for (const a of placed) {
      expect(a.lat).not.toBeNull();
      expect(a.localReach).toBeGreaterThanOrEqual(0);
      expect(a.localReach).toBeLessThanOrEqual(1);
    }
    for (const a of all.filter((x) => x.lat === null)) expect(a.localReach).toBeNull();
    // Demo communities live mostly in their home cities, so some attention is local.
    expect(placed.some((a) => a.localReach! > 0)).toBe(true);
    // The account page shows what analysis wrote: the share, and the flag with its reason.
    const reached = placed.find((a) => a.localReach! > 0)!;
    expect((await accountProfile(db, reached.id))?.scores.localReach).toBeCloseTo(reached.localReach!, 9);
    const flagged = all.find((a) => a.spamFlag !== null)!;
    expect((await accountProfile(db, flagged.id))?.scores.spamFlag).toBe(flagged.spamFlag);
  });
});

describe('communities on the demo network', () => {
  it('are all connected, with a stability between 0 and 1; plain Louvain is measured for comparison', async () => {
    const p = await projectAccounts(db, { weights: AnalysisParams.parse({ seed: 3 }).weights });
    const all = new Map((await accounts()).map((a) => [a.id, a.community]));
    const written = Int32Array.from(p.ids.map((id) => all.get(id) ?? -1));
    expect(disconnectedCommunities(p.edges, written)).toBe(0);
    const counts = [1, 2, 3, 4, 5].map((seed) => {
      const louvain = detectCommunities(p.edges, { seed, resolution: 1, refine: false });
      const leiden = detectCommunities(p.edges, { seed, resolution: 1 });
      expect(disconnectedCommunities(p.edges, leiden.membership)).toBe(0);
      expect(leiden.modularity).toBeGreaterThanOrEqual(0.99 * louvain.modularity);
      return `seed ${seed}: Louvain ${disconnectedCommunities(p.edges, louvain.membership)} disconnected of ${louvain.count} (Q ${louvain.modularity.toFixed(4)}), Leiden 0 of ${leiden.count} (Q ${leiden.modularity.toFixed(4)})`;
    });
    console.log(`demo (${p.ids.length} accounts, ${p.edges.m} edges): ${counts.join('; ')}`);
    const stab = (await db.read('MATCH (c:Community) RETURN c.stability AS s')) as { s: number }[];
    expect(stab.length).toBeGreaterThan(0);
    for (const { s } of stab) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  }, 300_000);
});
