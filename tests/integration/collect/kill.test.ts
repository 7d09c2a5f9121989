// The acceptance test for resumable collection: a run against the replay server is killed with
// SIGKILL mid-run (after a committed page, and in the middle of the next page's work), run again once
// its lease has expired, and the graph is compared as a full dump (every node and relationship with
// all properties) with one clean run. The archive the two attempts wrote replays into the same graph.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWatch } from '../../../collect/run.ts';
import type { Db } from '../../../queries/db.ts';
import { createWatch, listRuns } from '../../../queries/watches.ts';
import { resetGraph, useTestGraph } from '../../helpers/db.ts';
import { mastodonTimeline, startReplay, type Replay } from '../../helpers/replay-server.ts';
import { load } from '../ingest/load.ts';
import { derivedMismatches } from '../ingest/state.ts';
import { fullDump } from './dump.ts';
import { archiveDir, MASTO_ACCOUNT, MASTO_STATUSES } from './setup.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const LEASE_SECONDS = 2;
const ID = 'kill-test';

let db: Db;
let replay: Replay;
useTestGraph((opened) => (db = opened));
beforeAll(async () => {
  // The recorded timeline in pages of 2: the lookup and 10 timeline pages, so a kill lands mid-run.
  replay = await startReplay();
  replay.route('/api/v1/accounts/lookup', () => ({ body: MASTO_ACCOUNT }));
  replay.route(
    `/api/v1/accounts/${MASTO_ACCOUNT.id}/statuses`,
    mastodonTimeline(
      () => replay.base,
      () => MASTO_STATUSES,
      2,
    ),
  );
});
afterAll(() => replay.close());

const addWatch = () =>
  createWatch(db, {
    id: ID,
    platform: 'mastodon',
    kind: 'account',
    target: 'schochastics@fosstodon.org',
    baseUrl: replay.base,
  });

const rerun = (dir: string | null) =>
  runWatch(db, ID, {
    archiveDir: dir,
    leaseMs: LEASE_SECONDS * 1000,
    http: { timeoutMs: 5000, maxAttempts: 2, backoff: { baseMs: 10, capMs: 20 } },
  });

/** Starts the child run and SIGKILLs it `delayMs` after it reports page `afterPage`. */
async function killedRun(dir: string, afterPage: number, delayMs: number) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/integration/collect/kill-child.ts', ID, dir, String(LEASE_SECONDS)],
    { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes(`page ${afterPage}\n`) && !child.killed)
      setTimeout(() => child.kill('SIGKILL'), delayMs);
  });
  return { exit: await exited, out };
}

async function postCount(): Promise<number> {
  const [r] = await db.read('MATCH (p:Post) RETURN count(p) AS n');
  return Number(r?.n);
}

describe('kill -9 during a collection, then run again', { timeout: 300_000 }, () => {
  let clean: string[];
  beforeAll(async () => {
    await resetGraph(db);
    await addWatch();
    const r = await rerun(null);
    expect(r).toMatchObject({ status: 'done', pages: 11, posts: 20 });
    clean = await fullDump(db);
    expect(clean.filter((l) => l.startsWith('N ["Post"]'))).toHaveLength(20);
  });

  for (const [afterPage, delayMs, when] of [
    [1, 0, 'right after the lookup page was committed'],
    [4, 0, 'right after the fourth page was committed'],
    [3, 25, "in the middle of the fourth page's fetch, archive or write"],
  ] as const) {
    it(`killed ${when}: the rerun ends in the clean run's full dump`, async () => {
      await resetGraph(db);
      await addWatch();
      const dir = archiveDir();
      const killed = await killedRun(dir, afterPage, delayMs);
      expect(killed.exit.signal).toBe('SIGKILL');
      expect(killed.out).not.toContain('"status"'); // it never got to report an end
      const partial = await postCount();
      expect(partial).toBeLessThan(20);

      // The dead process still holds the lease until it expires: a run now is refused, then goes on.
      await expect(rerun(dir)).rejects.toThrow(/being run by another process/);
      await new Promise((r) => setTimeout(r, LEASE_SECONDS * 1000 + 200));
      const again = await rerun(dir);
      expect(again).toMatchObject({ status: 'done', complete: true });
      expect(again.posts).toBe(20 - partial);
      expect(await fullDump(db)).toEqual(clean);
      expect(await derivedMismatches(db)).toBe(0);
      const runs = await listRuns(db, ID);
      expect(runs.map((r) => r.status)).toEqual(['done', 'interrupted']);
      // Counts were committed with their pages: the two runs together added what one clean run adds.
      expect(runs[0]!.posts + runs[1]!.posts).toBe(20);

      // Both attempts archived their pages (some twice): the archive replays into the same graph.
      const files = readdirSync(path.join(dir, ID)).map((f) => path.join(dir, ID, f));
      await resetGraph(db);
      await load(db, files);
      expect(await fullDump(db)).toEqual(clean);
    });
  }
});
