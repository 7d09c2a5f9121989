// `ingest --bulk` (neo4j-admin import) must build the same graph as the transactional ingest: the
// same fixture set is loaded both ways into the same (emptied) database and a canonical dump of every
// node and relationship, with property types, is compared, along with the summaries and rejects. It
// refuses a database that holds data, and a run killed during the import ends, once run again, in
// the state of one clean run. The bulk runs stop and restart the integration instance.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markerPath } from '../../../ingest/bulk/run.ts';
import { localInstance } from '../../../neo4j/instance.ts';
import { loadCypher } from '../../../queries/cypher.ts';
import type { Db } from '../../../queries/db.ts';
import { cliProcess, runCli } from '../../helpers/cli.ts';
import { markTestDatabase, resetGraph, testDb } from '../../helpers/db.ts';
import { fixture } from './load.ts';
import { derivedMismatches } from './state.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'ingest-bulk-'));

// Rows that take the less common paths: a post seen again in a later batch that fills its text and
// adds a reply (merge-posts, existing-* checks), a row claiming that post for a second author (refused
// whole, by both paths, against the post's stored author), fractional weights summed into INTERACTS,
// an account seen newer then older, a follow twice, a self-follow, and text that CSV must carry intact
// (quotes, commas, semicolons, line breaks, backslashes, tabs).
const tricky = [
  {
    kind: 'account',
    id: 'csv:q1',
    platform: 'csv',
    handle: 'Quote"Me',
    name: 'Line\r\nBreak, Inc.',
    bio: 'He said "hi", then; left\nsecond line \\ end\t!',
    followers: 12,
    verified: true,
    observedAt: '2025-03-01T00:00:00Z',
  },
  {
    kind: 'post',
    id: 'csv:t1',
    platform: 'csv',
    author: 'csv:q1',
    hashtags: ['#Rare'],
    interactions: [{ type: 'mention', target: 'csv:q2', weight: 0.1 }],
  },
  {
    kind: 'account',
    id: 'csv:q2',
    platform: 'csv',
    handle: 'two',
    location: 'Zürich, CH',
    observedAt: '2025-02-01T00:00:00Z',
  },
  {
    kind: 'post',
    id: 'csv:t2',
    platform: 'csv',
    author: 'csv:q1',
    interactions: [
      { type: 'mention', target: 'csv:q2', weight: 0.2 },
      { type: 'quote', target: 'csv:q3', weight: 2.5 },
    ],
  },
  { kind: 'follow', source: 'csv:q1', target: 'csv:q2' },
  {
    kind: 'account',
    id: 'csv:q2',
    platform: 'csv',
    handle: 'older',
    name: 'Filled from an older view',
    observedAt: '2024-01-01T00:00:00Z',
  },
  {
    kind: 'post',
    id: 'csv:t1',
    platform: 'csv',
    author: 'csv:q1',
    text: 'filled in later, "quoted"\nacross lines',
    lang: 'en',
    hashtags: ['rare', 'new'],
    interactions: [
      { type: 'mention', target: 'csv:q2', weight: 9 },
      { type: 'reply', target: 'csv:q3', weight: 0.7 },
    ],
  },
  {
    kind: 'post',
    id: 'csv:t1',
    platform: 'csv',
    author: 'csv:q3',
    interactions: [{ type: 'repost', target: 'csv:q1' }],
  },
  { kind: 'follow', source: 'csv:q1', target: 'csv:q2' },
  { kind: 'follow', source: 'csv:q3', target: 'csv:q3' },
  {
    kind: 'post',
    id: 'csv:t3',
    platform: 'csv',
    author: 'csv:q2',
    interactions: [{ type: 'mention', target: 'csv:q1', weight: 0.1 }],
  },
  {
    kind: 'post',
    id: 'csv:t4',
    platform: 'csv',
    author: 'csv:q2',
    interactions: [{ type: 'mention', target: 'csv:q1', weight: 0.2 }],
  },
];
const trickyFile = path.join(tmp, 'tricky.jsonl');
writeFileSync(trickyFile, tricky.map((r) => JSON.stringify(r)).join('\n') + '\n');

const files = [
  ...['csv/accounts.csv', 'csv/edges.csv', 'jsonl/unicode.jsonl'].map(fixture),
  ...[
    'two_tweets.jsonl',
    'mentions_tweet.jsonl',
    'quoted_edit.jsonl',
    'streaming_output_with_error.jsonl',
  ].map((f) => fixture(`x/${f}`)),
  ...[
    'get_account_statuses_default.json',
    'get_context_with_ancesters.json',
    'get_timeline_hashtag_default.json',
  ].map((f) => fixture(`mastodon/${f}`)),
  ...['f_autfeed.json', 'f_getquotes.json', 'f_postthread.json', 'g_follows.json'].map((f) =>
    fixture(`bluesky/${f}`),
  ),
  fixture('graph/care-network.gexf'),
  trickyFile,
  // Loaded twice: every row of the second copy is a duplicate.
  fixture('csv/edges.csv'),
];

function ingestArgs(rejects: string, ...extra: string[]) {
  return ['ingest', '--json', '--batch-size', '3', '--rejects', rejects, ...extra, ...files];
}

/** Every node (but the bookkeeping ones, compared on their own) and relationship with its labels or type, endpoints and typed properties, sorted. */
async function dump(db: Db): Promise<string[]> {
  const rows = await db.read(
    `CALL () {
       MATCH (n) WHERE NOT n:CarecircleMeta
       RETURN 'N ' + reduce(s = '', l IN labels(n) | s + ':' + l) + ' ' + coalesce(n.id, n.tag, n.key) AS head,
              [k IN keys(n) | k + '=' + valueType(n[k]) + ' ' + toString(n[k])] AS props
       UNION ALL
       MATCH (a)-[r]->(b)
       RETURN 'R ' + coalesce(a.id, a.tag, a.key) + ' -' + type(r) + '-> ' + coalesce(b.id, b.tag, b.key) AS head,
              [k IN keys(r) | k + '=' + valueType(r[k]) + ' ' + toString(r[k])] AS props
     }
     RETURN head, props`,
  );
  return rows.map((r) => `${String(r.head)} {${(r.props as string[]).sort().join(', ')}}`).sort();
}

interface Summary {
  files: unknown[];
  read: number;
  loaded: number;
  duplicates: number;
  rejected: number;
  unresolved: number;
  bulk?: { phases: Record<string, number>; nodes: number; relationships: number; resumed: boolean };
}
const counts = (s: Summary) => ({
  files: s.files,
  read: s.read,
  loaded: s.loaded,
  duplicates: s.duplicates,
  rejected: s.rejected,
  unresolved: s.unresolved,
});

async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  // A fresh driver each time: the bulk runs restart the server under any open connection.
  const db = testDb();
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

let expected: string[];
let transactional: Summary;
let transactionalRejects: string;

beforeAll(async () => {
  await withDb(async (db) => {
    await markTestDatabase(db);
    await resetGraph(db);
  });
  const rejects = path.join(tmp, 'tx.rejects.jsonl');
  const r = await runCli(ingestArgs(rejects), { timeoutMs: 300_000 });
  expect(r.code, r.stderr + r.stdout).toBe(3);
  transactional = JSON.parse(r.stdout) as Summary;
  transactionalRejects = readFileSync(rejects, 'utf8');
  expected = await withDb(async (db) => {
    // The graph under comparison is a consistent one: one author per post, summaries that add up.
    expect(await derivedMismatches(db)).toBe(0);
    const d = await dump(db);
    await resetGraph(db);
    return d;
  });
}, 400_000);

afterAll(async () => {
  await withDb((db) => resetGraph(db));
});

describe('ingest --bulk', () => {
  it('builds the same graph, summary and rejects as the transactional ingest', async () => {
    // The fixture set reaches the paths under test.
    expect(transactional.duplicates).toBeGreaterThan(10);
    expect(transactional.rejected).toBeGreaterThan(3);
    expect(expected.filter((l) => l.startsWith('R ')).length).toBeGreaterThan(500);
    expect(expected.some((l) => l.includes('second line'))).toBe(true);
    // The second author's row (tricky.jsonl line 8) is refused, and nothing of it is in the graph.
    const conflicts = transactionalRejects
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { file: string; line: number; reason: string })
      .filter((x) => x.reason.includes('already belongs to'));
    expect(conflicts).toEqual([
      {
        file: trickyFile,
        line: 8,
        reason: 'post csv:t1 already belongs to csv:q1; this row says csv:q3',
        raw: JSON.stringify(tricky[7]),
      },
    ]);
    expect(expected.filter((l) => l.includes('-POSTED-> csv:t1 {'))).toEqual([
      'R csv:q1 -POSTED-> csv:t1 {}',
    ]);
    expect(expected.filter((l) => l.includes('-REPOSTS-> csv:q1'))).toEqual([]);

    // The bookkeeping nodes an empty database holds, with their properties: the test marker, and the
    // inbox token that any write to mentions sets (written here so the file does not depend on which
    // files ran before it in this lane).
    const metaQuery = 'MATCH (m:CarecircleMeta) RETURN m.key AS key, properties(m) AS props ORDER BY key';
    const metaBefore = await withDb(async (db) => {
      await db.write(loadCypher('mentions/touch-inbox'));
      return db.read(metaQuery);
    });
    expect(metaBefore.map((m) => m.key)).toEqual(['carecircle-test-database', 'inbox']);

    const rejects = path.join(tmp, 'bulk.rejects.jsonl');
    const r = await runCli(ingestArgs(rejects, '--bulk'), { timeoutMs: 400_000 });
    expect(r.code, r.stderr + r.stdout).toBe(3);
    const bulk = JSON.parse(r.stdout) as Summary;
    expect(counts(bulk)).toEqual(counts(transactional));
    expect(readFileSync(rejects, 'utf8')).toBe(transactionalRejects);
    expect(Object.keys(bulk.bulk!.phases)).toEqual([
      'prepare',
      'stop',
      'import',
      'start',
      'schema',
      'finish',
    ]);
    expect(bulk.bulk!.resumed).toBe(false);

    await withDb(async (db) => {
      expect(await dump(db)).toEqual(expected);
      // The test-database marker (and any other bookkeeping node) is carried over as it was, and the
      // schema is in place.
      expect(await db.read(metaQuery)).toEqual(metaBefore);
      const constraints = await db.read('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
      expect(constraints[0]?.names).toEqual(expect.arrayContaining(['account_id', 'post_id', 'hashtag_tag']));
    });
    expect(existsSync(markerPath(localInstance().home))).toBe(false);
  }, 600_000);

  it('refuses a database that holds data, and leaves it as it was', async () => {
    const r = await runCli(ingestArgs(path.join(tmp, 'refused.jsonl'), '--bulk'), { timeoutMs: 120_000 });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).message).toMatch(/not empty.*reset --yes --all/);
    await withDb(async (db) => expect(await dump(db)).toEqual(expected));
  }, 200_000);

  it('killed during the import, run again, ends as one clean run', async () => {
    await withDb((db) => resetGraph(db));
    const home = localInstance().home;
    const args = ingestArgs(path.join(tmp, 'killed.jsonl'), '--bulk');
    const child = spawn(...cliProcess(args), {
      cwd: root,
      env: process.env,
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
    // The import phase has begun when the admin tool's pid file appears.
    for (let i = 0; i < 3000 && !existsSync(path.join(home, 'import.pid')); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(existsSync(path.join(home, 'import.pid'))).toBe(true);
    child.kill('SIGKILL');
    await exited;
    expect(existsSync(markerPath(home))).toBe(true);

    const again = await runCli(args, { timeoutMs: 400_000 });
    expect(again.code, again.stderr + again.stdout).toBe(3);
    const summary = JSON.parse(again.stdout) as Summary;
    expect(summary.bulk!.resumed).toBe(true);
    expect(counts(summary)).toEqual(counts(transactional));
    await withDb(async (db) => expect(await dump(db)).toEqual(expected));
    expect(existsSync(markerPath(home))).toBe(false);
  }, 900_000);
});
