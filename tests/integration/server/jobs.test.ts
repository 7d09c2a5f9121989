import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetGraph } from '../../helpers/db.ts';
import { signIn, startApi, type Api, type Client } from './client.ts';

async function waitFor(admin: Client, id: string) {
  for (let i = 0; i < 600; i++) {
    const job = await (await admin.fetch(`/api/jobs/${id}`)).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} still running`);
}

describe('admin jobs: ingest then analyze, with progress', () => {
  let api: Api;
  let admin: Client;
  let importDir: string;
  beforeAll(async () => {
    importDir = mkdtempSync(path.join(tmpdir(), 'carecircle-import-'));
    // Two triangles joined by one edge: two communities for the analysis to find.
    const rows = [
      'source,target,type,hashtags',
      'a1,a2,mention,#t1d',
      'a2,a3,reply,#t1d',
      'a3,a1,mention,#t1d #diabetes',
      'a1,a3,repost,#t1d',
      'b1,b2,mention,#bcsm',
      'b2,b3,reply,#bcsm',
      'b3,b1,quote,#bcsm',
      'b2,b1,mention,#bcsm',
      'a3,b1,mention,#t1d #bcsm',
    ];
    writeFileSync(path.join(importDir, 'edges.csv'), rows.join('\n') + '\n');
    api = await startApi({ importDir });
    await resetGraph(api.db);
    admin = await signIn(api, 'jobs-admin', 'admin');
  });
  afterAll(async () => {
    await resetGraph(api.db);
    await api.close();
  });

  it('loads a file from the import folder as an ingest job', async () => {
    const res = await admin.fetch('/api/jobs', {
      method: 'POST',
      json: { kind: 'ingest', files: ['edges.csv'] },
    });
    expect(res.status).toBe(202);
    const started = await res.json();
    expect(started).toMatchObject({ kind: 'ingest', status: 'running', by: 'jobs-admin' });
    const job = await waitFor(admin, started.id);
    expect(job.error).toBeNull();
    expect(job).toMatchObject({ status: 'succeeded', progress: { phase: 'done', fraction: 1 } });
    expect(job.result).toMatchObject({ read: 9, loaded: 9, rejected: 0 });
    const [row] = await api.db.read('MATCH (a:Account) RETURN count(a) AS n');
    expect(row?.n).toBe(6);
  });

  it('refuses files outside the import folder or missing, naming body.files', async () => {
    for (const files of [['../../etc/passwd'], ['/etc/passwd'], ['nope.csv']]) {
      const res = await admin.fetch('/api/jobs', { method: 'POST', json: { kind: 'ingest', files } });
      expect(res.status, files[0]).toBe(400);
      expect((await res.json()).details[0].field).toBe('body.files');
    }
  });

  it('runs the analysis as a job; the ranking and communities come from it; a second one at once is 409', async () => {
    const res = await admin.fetch('/api/jobs', { method: 'POST', json: { kind: 'analyze', seed: 7 } });
    expect(res.status).toBe(202);
    const started = await res.json();
    const again = await admin.fetch('/api/jobs', { method: 'POST', json: { kind: 'analyze' } });
    expect(again.status).toBe(409);
    const job = await waitFor(admin, started.id);
    expect(job.error).toBeNull();
    expect(job.status).toBe('succeeded');
    expect(job.result.counts).toMatchObject({ accounts: 6, communities: 2 });

    const communities = await (await admin.fetch('/api/communities')).json();
    expect(communities.items.map((c: { size: number }) => c.size)).toEqual([3, 3]);
    const ranking = await (await admin.fetch('/api/influencers?limit=6')).json();
    expect(ranking.items).toHaveLength(6);
    expect(ranking.items[0].score).toBeGreaterThanOrEqual(ranking.items[5].score);

    const list = await (await admin.fetch('/api/jobs')).json();
    expect(list.items.map((j: { kind: string }) => j.kind)).toEqual(['analyze', 'ingest']);
    const audit = await (await admin.fetch('/api/audit?actor=jobs-admin')).json();
    expect(audit.items.filter((e: { action: string }) => e.action === 'job.start')).toHaveLength(2);
  });
});
