// A post has one author, the first one loaded. Canonical CSV rows that share a post_id but name
// another source account are a data error: through the real command line, such a row is refused whole
// (nothing of it is written), lands in the rejects file naming the post and both authors, the summary
// reconciles, the exit code is 3 — and running the same command again changes nothing.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../queries/db.ts';
import { runCli } from '../../helpers/cli.ts';
import { useTestGraph, resetGraph } from '../../helpers/db.ts';
import { derivedMismatches, graphState } from './state.ts';

let db: Db;
let dir: string;
useTestGraph((opened) => (db = opened), { eachTest: true });
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ingest-authors-'));
});

const header = 'source,target,type,timestamp,post_id,hashtags,weight';
// (a) One batch: line 3 claims p1 (posted by alice on line 2) for bob; line 5 claims it for bob again.
const first = [
  header,
  'alice,carol,mention,2025-03-01T10:00:00Z,p1,#T1D,',
  'bob,erin,mention,2025-03-01T10:05:00Z,p1,#onlybob,2',
  'alice,dave,mention,2025-03-01T10:00:00Z,p1,#T1D,',
  'bob,carol,quote,2025-03-01T10:06:00Z,p1,,',
  'bob,carol,reply,2025-03-01T11:00:00Z,p2,#bcsm,',
];
// (b) A later file: line 2 claims the stored p1 for carol.
const second = [
  header,
  'carol,frank,repost,2025-03-02T09:00:00Z,p1,#later,',
  'carol,alice,mention,2025-03-02T09:30:00Z,p3,#T1D,',
];

async function ingest(files: string[], extra: string[] = []) {
  const rejects = path.join(dir, `rejects-${Math.random().toString(36).slice(2)}.jsonl`);
  const r = await runCli(['ingest', '--json', '--rejects', rejects, ...extra, ...files]);
  const lines = existsSync(rejects) ? readFileSync(rejects, 'utf8').split('\n').filter(Boolean) : [];
  return {
    code: r.code,
    output: r.stderr + r.stdout,
    summary: JSON.parse(r.stdout) as {
      files: { file: string; read: number; loaded: number; duplicates: number; rejected: number }[];
      read: number;
      loaded: number;
      duplicates: number;
      rejected: number;
    },
    rejects: lines.map((l) => JSON.parse(l) as { file: string; line: number; reason: string; raw: string }),
  };
}

function files() {
  const a = path.join(dir, 'edges-1.csv');
  const b = path.join(dir, 'edges-2.csv');
  writeFileSync(a, first.join('\n') + '\n');
  writeFileSync(b, second.join('\n') + '\n');
  return [a, b];
}

async function authorsOf(): Promise<Record<string, string[]>> {
  const rows = await db.read(
    `MATCH (x:Post) OPTIONAL MATCH (a:Account)-[:POSTED]->(x)
     WITH x, a ORDER BY a.id
     RETURN x.id AS post, collect(a.id) AS authors ORDER BY post`,
  );
  return Object.fromEntries(rows.map((r) => [String(r.post), r.authors as string[]]));
}

describe('a post claimed by a second author', () => {
  it('keeps the first author and refuses the claiming rows whole, exit 3', async () => {
    const [a, b] = files();
    const r = await ingest([a!, b!]);
    expect(r.code, r.output).toBe(3);

    expect(r.rejects).toEqual([
      {
        file: a,
        line: 3,
        reason: 'post csv:p1 already belongs to csv:alice; this row says csv:bob',
        raw: 'bob,erin,mention,2025-03-01T10:05:00Z,p1,#onlybob,2',
      },
      {
        file: a,
        line: 5,
        reason: 'post csv:p1 already belongs to csv:alice; this row says csv:bob',
        raw: 'bob,carol,quote,2025-03-01T10:06:00Z,p1,,',
      },
      {
        file: b,
        line: 2,
        reason: 'post csv:p1 already belongs to csv:alice; this row says csv:carol',
        raw: 'carol,frank,repost,2025-03-02T09:00:00Z,p1,#later,',
      },
    ]);
    expect(r.summary.files.map((f) => [f.read, f.loaded, f.duplicates, f.rejected])).toEqual([
      [5, 3, 0, 2],
      [2, 1, 0, 1],
    ]);
    expect(r.summary).toMatchObject({ read: 7, loaded: 4, duplicates: 0, rejected: 3 });

    // Exactly one author per post, the first one.
    expect(await authorsOf()).toEqual({
      'csv:p1': ['csv:alice'],
      'csv:p2': ['csv:bob'],
      'csv:p3': ['csv:carol'],
    });
    // Nothing of the refused rows: not their target accounts, hashtags, interactions or counts.
    const accounts = await db.read('MATCH (a:Account) RETURN a.id AS id ORDER BY id');
    expect(accounts.map((x) => x.id)).toEqual(['csv:alice', 'csv:bob', 'csv:carol', 'csv:dave']);
    const tags = await db.read('MATCH (h:Hashtag) RETURN h.tag AS tag ORDER BY tag');
    expect(tags.map((x) => x.tag)).toEqual(['bcsm', 't1d']);
    const p1 = await db.read(
      `MATCH (:Post {id: 'csv:p1'})-[r]->(x) RETURN type(r) + ' ' + coalesce(x.id, x.tag) AS rel ORDER BY rel`,
    );
    expect(p1.map((x) => x.rel)).toEqual(['MENTIONS csv:carol', 'MENTIONS csv:dave', 'TAGGED t1d']);
    const interacts = await db.read(
      `MATCH (a:Account)-[i:INTERACTS]->(b:Account)
       RETURN a.id + '>' + b.id + ' ' + toString(i.total) AS pair ORDER BY pair`,
    );
    expect(interacts.map((x) => x.pair)).toEqual([
      'csv:alice>csv:carol 1.0',
      'csv:alice>csv:dave 1.0',
      'csv:bob>csv:carol 1.0',
      'csv:carol>csv:alice 1.0',
    ]);
    const used = await db.read(
      `MATCH (a:Account)-[u:USED]->(h:Hashtag) RETURN a.id + ' ' + h.tag + ' ' + toString(u.count) AS u ORDER BY u`,
    );
    expect(used.map((x) => x.u)).toEqual(['csv:alice t1d 1', 'csv:bob bcsm 1', 'csv:carol t1d 1']);
    expect(await derivedMismatches(db)).toBe(0);
  });

  it('run again, or one row per batch, ends in the same state with the same rejects', async () => {
    const [a, b] = files();
    const once = await ingest([a!, b!]);
    expect(once.code, once.output).toBe(3);
    const state = await graphState(db);

    // Everything stored now: the refused rows are refused against the stored author, the rest are
    // duplicates.
    const again = await ingest([a!, b!]);
    expect(again.code, again.output).toBe(3);
    expect(again.rejects).toEqual(once.rejects);
    expect(again.summary).toMatchObject({ read: 7, loaded: 0, duplicates: 4, rejected: 3 });
    expect(await graphState(db)).toEqual(state);

    // Every row in its own batch: the claims meet a stored post instead of an earlier row of the batch.
    await resetGraph(db);
    const single = await ingest([a!, b!], ['--batch-size', '1']);
    expect(single.code, single.output).toBe(3);
    expect(single.rejects).toEqual(once.rejects);
    expect(single.summary).toMatchObject({ read: 7, loaded: 4, duplicates: 0, rejected: 3 });
    expect(await graphState(db)).toEqual(state);
    expect(await derivedMismatches(db)).toBe(0);
  });
});
