// Bad input of each kind through the real command line: the row goes to the rejects file with file,
// line, reason and raw text, everything else loads, the summary reconciles and the exit code is 3.
// Big inputs are generated here, never committed.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../queries/db.ts';
import { runCli } from '../../helpers/cli.ts';
import { useTestGraph } from '../../helpers/db.ts';
import { graphState } from './state.ts';

let db: Db;
let dir: string;
useTestGraph((opened) => (db = opened), { eachTest: true });
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ingest-malformed-'));
});

const account = (id: string, handle: string) =>
  JSON.stringify({ kind: 'account', id: `csv:${id}`, platform: 'csv', handle });

async function ingest(files: string[], extra: string[] = []) {
  const rejects = path.join(dir, `rejects-${Math.random().toString(36).slice(2)}.jsonl`);
  const r = await runCli(['ingest', '--json', '--rejects', rejects, ...extra, ...files]);
  const summary = r.stdout ? JSON.parse(r.stdout) : undefined;
  const lines = existsSync(rejects) ? readFileSync(rejects, 'utf8').split('\n').filter(Boolean) : [];
  return {
    ...r,
    summary,
    rejects: lines.map((l) => JSON.parse(l) as { file: string; line: number; reason: string; raw: string }),
  };
}

describe('malformed input', () => {
  it('garbage lines, truncated JSON and wrong types are rejected, the rest loads, exit 3', async () => {
    const file = path.join(dir, 'mixed.jsonl');
    writeFileSync(
      file,
      [
        account('a1', 'alice'),
        'this is not json at all',
        account('a2', 'bob'),
        JSON.stringify({ kind: 'account', id: 'csv:a3', platform: 'csv', followers: 'many' }),
        JSON.stringify({
          kind: 'post',
          id: 'csv:p1',
          platform: 'csv',
          author: 'csv:a1',
          interactions: [{ type: 'like', target: 'csv:a2' }],
        }),
        JSON.stringify({ kind: 'post', platform: 'csv', author: 'csv:a1' }),
        JSON.stringify({
          kind: 'post',
          id: 'csv:p2',
          platform: 'csv',
          author: 'csv:a1',
          interactions: [{ type: 'mention', target: 'csv:a2' }],
        }),
        '{"kind":"account","id":"csv:a4","platf',
      ].join('\n'),
    );
    const r = await ingest([file]);
    expect(r.code).toBe(3);
    expect(r.summary).toMatchObject({ read: 8, loaded: 3, duplicates: 0, rejected: 5 });
    expect(r.rejects.map((x) => [x.line, x.reason.split(':')[0]])).toEqual([
      [2, expect.stringMatching(/^not valid JSON/)],
      [4, 'followers'],
      [5, 'interactions.0.type'],
      [6, 'id'],
      [8, expect.stringMatching(/^not valid JSON/)],
    ]);
    expect(r.rejects.every((x) => x.file === file && x.raw.length > 0)).toBe(true);
    expect(r.rejects[1]?.reason).toMatch(/followers: .*number/i);
    expect((await graphState(db)).stats).toMatchObject({
      accounts: 2,
      posts: 1,
      interactions: { mention: 1 },
    });
  });

  it('an empty file loads nothing and exits 0', async () => {
    const file = path.join(dir, 'empty.csv');
    writeFileSync(file, '');
    const r = await ingest([file]);
    expect(r.code).toBe(0);
    expect(r.summary).toMatchObject({ read: 0, loaded: 0, rejected: 0 });
  });

  it('a binary file is refused with the reason, other files still load', async () => {
    const bin = path.join(dir, 'photo.png');
    writeFileSync(
      bin,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    );
    const ok = path.join(dir, 'ok.jsonl');
    writeFileSync(ok, account('b1', 'carol') + '\n');
    const r = await ingest([bin, ok]);
    expect(r.code).toBe(3);
    expect(r.summary).toMatchObject({ read: 2, loaded: 1, rejected: 1 });
    expect(r.rejects[0]).toMatchObject({ file: bin, line: 0, reason: expect.stringMatching(/binary/) });
  });

  it('a file in no known format is refused, saying what was looked for', async () => {
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'Dear team,\nplease find the accounts attached.\n');
    const r = await ingest([file]);
    expect(r.code).toBe(3);
    expect(r.rejects[0]?.reason).toMatch(/looked for a CSV header with source,target or id/);
  });

  it('a 10 MB single line is one reject, with the raw text clipped', async () => {
    const file = path.join(dir, 'huge-line.jsonl');
    const huge = JSON.stringify({
      kind: 'account',
      id: 'csv:big',
      platform: 'csv',
      bio: 'x'.repeat(10 * 1024 * 1024),
    });
    writeFileSync(file, [account('c1', 'dave'), huge, account('c2', 'erin')].join('\n') + '\n');
    const r = await ingest([file]);
    expect(r.code).toBe(3);
    expect(r.summary).toMatchObject({ read: 3, loaded: 2, rejected: 1 });
    expect(r.rejects[0]).toMatchObject({ line: 2, reason: expect.stringMatching(/^bio: /) });
    expect(r.rejects[0]!.raw.length).toBeLessThan(20_000);

    const csv = path.join(dir, 'huge-field.csv');
    writeFileSync(
      csv,
      `id,handle,bio\nd1,frank,ok\nd2,grace,"${'y'.repeat(10 * 1024 * 1024)}"\nd3,heidi,fine\n`,
    );
    const c = await ingest([csv]);
    expect(c.code).toBe(3);
    expect(c.summary).toMatchObject({ loaded: 2, rejected: 1 });
    expect(c.rejects[0]).toMatchObject({ line: 3, reason: expect.stringMatching(/^bio: /) });
    expect(c.rejects[0]!.raw.length).toBeLessThan(20_000);
  });

  it('--dry-run validates without writing', async () => {
    const file = path.join(dir, 'dry.jsonl');
    writeFileSync(file, [account('e1', 'ivan'), 'garbage'].join('\n'));
    const r = await ingest([file], ['--dry-run']);
    expect(r.code).toBe(3);
    expect(r.summary).toMatchObject({ dryRun: true, read: 2, loaded: 1, rejected: 1 });
    expect((await graphState(db)).stats.accounts).toBe(0);
  });
});
