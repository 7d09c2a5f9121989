// Killing the process mid-run and running the same command again ends in exactly the state of one
// clean run; the write plans have no Eager operator.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../ingest/demo/generate.ts';
import { loadCypher } from '../../../queries/cypher.ts';
import type { Db } from '../../../queries/db.ts';
import { applySchema } from '../../../queries/schema.ts';
import { cliProcess, runCli } from '../../helpers/cli.ts';
import { markTestDatabase, resetGraph, testDb } from '../../helpers/db.ts';
import { derivedMismatches, graphState } from './state.ts';

let db: Db;
let files: string[];
beforeAll(async () => {
  db = testDb();
  await markTestDatabase(db);
  await applySchema(db);
  await resetGraph(db);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ingest-kill-'));
  files = (await generateDemo({ outDir: dir, accounts: 400, interactions: 6000, seed: 7 })).files;
});
afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

const root = fileURLToPath(new URL('../../..', import.meta.url));

async function postCount(): Promise<number> {
  const [r] = await db.read('MATCH (p:Post) RETURN count(p) AS n');
  return Number(r?.n);
}

describe('kill mid-run, run again', () => {
  it('ends in exactly the state of one clean run', async () => {
    const args = [
      'ingest',
      '--json',
      '--batch-size',
      '100',
      '--rejects',
      path.join(os.tmpdir(), 'kill.rejects.jsonl'),
      ...files,
    ];
    const clean = await runCli(args);
    expect(clean.code, clean.stderr + clean.stdout).toBe(0);
    const once = await graphState(db);
    expect(once.stats.posts).toBeGreaterThan(1000);
    await resetGraph(db);

    const child = spawn(...cliProcess(args), {
      cwd: root,
      env: process.env,
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // Wait until some batches are committed, then kill without warning.
    let seen = 0;
    for (let i = 0; i < 600 && seen < 300; i++) {
      await new Promise((r) => setTimeout(r, 100));
      seen = await postCount();
    }
    child.kill('SIGKILL');
    await exited;
    const partial = await postCount();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(once.stats.posts);

    const again = await runCli(args);
    expect(again.code, again.stderr + again.stdout).toBe(0);
    const summary = JSON.parse(again.stdout) as {
      read: number;
      loaded: number;
      duplicates: number;
      rejected: number;
    };
    expect(summary.duplicates).toBeGreaterThan(0);
    expect(summary.read).toBe(summary.loaded + summary.duplicates + summary.rejected);
    expect(await graphState(db)).toEqual(once);
    expect(await derivedMismatches(db)).toBe(0);
  });
});

describe('write plans', () => {
  it('have no Eager operator (EXPLAIN)', async () => {
    const dir = fileURLToPath(new URL('../../../queries/cypher/ingest/', import.meta.url));
    const writes = readdirSync(dir)
      .filter((f) => /^(merge|create|add)-/.test(f))
      .map((f) => `ingest/${f.replace(/\.cypher$/, '')}`);
    expect(writes.length).toBeGreaterThanOrEqual(12);
    for (const name of writes) {
      const ops = await db.explain(loadCypher(name));
      expect(ops.length, name).toBeGreaterThan(0);
      expect(
        ops.filter((o) => /Eager/i.test(o)),
        name,
      ).toEqual([]);
    }
  });
});
