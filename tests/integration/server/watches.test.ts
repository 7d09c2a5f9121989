// The collections API over real HTTP: an admin adds a watch, runs it now (through the scheduler, in
// the background) against the replay server, pauses, resumes and removes it; every change is in the
// audit log; other roles read but cannot change; bad input is a 400 naming the field; a token is
// never in an answer, only whether one is set; a bad platform answer leaves the server answering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Watch } from '../../../collect/watches.ts';
import { startWorld, type World } from '../collect/setup.ts';
import { client, signIn, useApi, type Api, type Client } from './client.ts';
import { MASTO_ACCOUNT } from '../collect/setup.ts';

const SECRET = 'x-bearer-secret-never-returned-0123456789';
let world: World;
const previous = process.env.CARECIRCLE_X_BEARER_TOKEN;
process.env.CARECIRCLE_X_BEARER_TOKEN = SECRET;

describe('collections API', { timeout: 300_000 }, () => {
  const suite = useApi(
    {
      collect: {
        runOptions: () => ({
          archiveDir: null,
          http: { timeoutMs: 2000, maxAttempts: 2, backoff: { baseMs: 10, capMs: 20 } },
        }),
      },
    },
    { seed: false },
  );
  let api: Api;
  let admin: Client;
  let viewer: Client;
  let outreach: Client;
  beforeAll(async () => {
    api = suite.api;
    world = await startWorld();
    admin = await signIn(api, 'watch-admin', 'admin');
    viewer = await signIn(api, 'watch-viewer', 'viewer');
    outreach = await signIn(api, 'watch-outreach', 'outreach');
  });
  afterAll(async () => {
    await world?.replay.close();
    if (previous === undefined) delete process.env.CARECIRCLE_X_BEARER_TOKEN;
    else process.env.CARECIRCLE_X_BEARER_TOKEN = previous;
  });

  const accountWatch = () => ({
    platform: 'mastodon',
    kind: 'account',
    target: 'schochastics@fosstodon.org',
    baseUrl: world.replay.base,
    intervalMinutes: 30,
  });

  /** Polls the list until the watch's last run has finished (the run is in the background). */
  async function finished(id: string): Promise<Watch> {
    const until = Date.now() + 60_000;
    for (;;) {
      const list = (await (await viewer.fetch('/api/watches')).json()) as { items: Watch[] };
      const w = list.items.find((x) => x.id === id)!;
      if (w.lastRun && w.lastRun.status !== 'running') return w;
      if (Date.now() > until) throw new Error(`watch ${id} did not finish: ${JSON.stringify(w)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it('an admin adds a watch, runs it now, and the list shows the run with posts and interactions added', async () => {
    const added = await admin.fetch('/api/watches', { method: 'POST', json: accountWatch() });
    expect(added.status).toBe(201);
    const w = (await added.json()) as Watch;
    expect(w).toMatchObject({
      id: 'mastodon-account-schochastics-fosstodon-org',
      paused: false,
      running: false,
      tokenSet: false,
      lastRun: null,
      intervalMinutes: 30,
    });
    const run = await admin.fetch(`/api/watches/${w.id}/run`, { method: 'POST' });
    expect(run.status).toBe(202);
    const done = await finished(w.id);
    expect(done.lastRun).toMatchObject({
      status: 'done',
      pages: 4,
      posts: 20,
      interactions: 20,
      error: null,
    });
    expect(Date.parse(done.nextRunAt!) - Date.parse(done.lastRun!.finishedAt!)).toBeGreaterThan(29 * 60_000);

    const runs = await viewer.fetch(`/api/watches/${w.id}/runs?limit=5`);
    expect(runs.status).toBe(200);
    expect((await runs.json()).items).toEqual([expect.objectContaining({ status: 'done', posts: 20 })]);

    expect((await (await admin.fetch(`/api/watches/${w.id}/pause`, { method: 'POST' })).json()).paused).toBe(
      true,
    );
    expect((await (await admin.fetch(`/api/watches/${w.id}/resume`, { method: 'POST' })).json()).paused).toBe(
      false,
    );
    expect((await admin.fetch(`/api/watches/${w.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await viewer.fetch(`/api/watches/${w.id}/runs`)).status).toBe(404);
    // What it collected stays in the graph.
    const [row] = await api.db.read('MATCH (p:Post) RETURN count(p) AS n');
    expect(row!.n).toBe(20);

    const audit = await (await admin.fetch(`/api/audit?target=watch:${w.id}&limit=20`)).json();
    expect(
      audit.items.map((e: { action: string; actor: string }) => `${e.actor} ${e.action}`).reverse(),
    ).toEqual([
      'watch-admin watch.create',
      'watch-admin watch.run-now',
      'watch-admin watch.pause',
      'watch-admin watch.resume',
      'watch-admin watch.remove',
    ]);
  });

  it('viewers and outreach staff read the watches but may not change them; anonymous callers get 401', async () => {
    const id = 'roles-watch';
    expect(
      (await admin.fetch('/api/watches', { method: 'POST', json: { ...accountWatch(), id } })).status,
    ).toBe(201);
    for (const who of [viewer, outreach]) {
      expect((await who.fetch('/api/watches')).status).toBe(200);
      expect((await who.fetch(`/api/watches/${id}/runs`)).status).toBe(200);
      for (const [method, path] of [
        ['POST', '/api/watches'],
        ['POST', `/api/watches/${id}/pause`],
        ['POST', `/api/watches/${id}/resume`],
        ['POST', `/api/watches/${id}/run`],
        ['DELETE', `/api/watches/${id}`],
      ] as const) {
        const res = await who.fetch(path, {
          method,
          ...(path === '/api/watches' ? { json: { ...accountWatch(), id: 'not-allowed' } } : {}),
        });
        expect([who.role, method, path, res.status]).toEqual([who.role, method, path, 403]);
      }
    }
    expect((await client(api.url).fetch('/api/watches')).status).toBe(401);
    const list = (await (await viewer.fetch('/api/watches')).json()) as { items: Watch[] };
    expect(list.items.map((w) => [w.id, w.paused])).toEqual([[id, false]]);
    await admin.fetch(`/api/watches/${id}`, { method: 'DELETE' });
  });

  it('bad input is a 400 naming the field; a taken id is a 409', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...accountWatch(), platform: 'myspace' }, 'body.platform'],
      [{ ...accountWatch(), kind: 'search' }, 'body.kind'],
      [{ ...accountWatch(), baseUrl: undefined }, 'body.baseUrl'],
      [{ ...accountWatch(), baseUrl: 'ftp://example.org' }, 'body.baseUrl'],
      [{ ...accountWatch(), target: '  ' }, 'body.target'],
      [{ ...accountWatch(), intervalMinutes: 0 }, 'body.intervalMinutes'],
      [{ ...accountWatch(), since: 'yesterday' }, 'body.since'],
      [{ ...accountWatch(), id: 'Has Spaces' }, 'body.id'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.fetch('/api/watches', { method: 'POST', json: body });
      const answer = await res.json();
      expect([field, res.status]).toEqual([field, 400]);
      expect(answer.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(answer.message).toContain(field);
    }
    const bad = await admin.fetch('/api/watches/NOT_AN_ID/pause', { method: 'POST' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).details[0].field).toBe('params.id');
    const limit = await viewer.fetch('/api/watches/some-watch/runs?limit=5000');
    expect(limit.status).toBe(400);
    expect((await limit.json()).details[0].field).toBe('query.limit');

    const body = { ...accountWatch(), id: 'taken' };
    expect((await admin.fetch('/api/watches', { method: 'POST', json: body })).status).toBe(201);
    const again = await admin.fetch('/api/watches', { method: 'POST', json: body });
    expect(again.status).toBe(409);
    expect((await again.json()).message).toMatch(/exists already/);
    await admin.fetch('/api/watches/taken', { method: 'DELETE' });
  });

  it('says whether a token is set and never returns it', async () => {
    const res = await admin.fetch('/api/watches', {
      method: 'POST',
      json: { id: 'x-search', platform: 'x', kind: 'search', target: '#T1D', baseUrl: world.replay.base },
    });
    const text = await res.text();
    expect(res.status).toBe(201);
    expect(JSON.parse(text)).toMatchObject({ tokenSet: true });
    expect(text).not.toContain(SECRET);
    const list = await (await viewer.fetch('/api/watches')).text();
    expect(list).not.toContain(SECRET);
    expect(JSON.parse(list).items.find((w: Watch) => w.id === 'x-search').tokenSet).toBe(true);
    await admin.fetch('/api/watches/x-search', { method: 'DELETE' });
  });

  it('a bad platform answer fails the run with a plain message and the server goes on answering', async () => {
    const id = 'bad-answer';
    await admin.fetch('/api/watches', { method: 'POST', json: { ...accountWatch(), id } });
    world.replay.fault(`/api/v1/accounts/${MASTO_ACCOUNT.id}/statuses`, { kind: 'html' });
    expect((await admin.fetch(`/api/watches/${id}/run`, { method: 'POST' })).status).toBe(202);
    const w = await finished(id);
    expect(w.lastRun).toMatchObject({ status: 'failed', error: expect.stringMatching(/HTML page/) });
    expect((await client(api.url).fetch('/api/health')).status).toBe(200);
    // Run again: the fault is gone and the run completes.
    await admin.fetch(`/api/watches/${id}/run`, { method: 'POST' });
    const until = Date.now() + 60_000;
    let last: Watch = w;
    while (Date.now() < until) {
      last = (await (await viewer.fetch('/api/watches')).json()).items.find((x: Watch) => x.id === id);
      if (last.lastRun?.status === 'done') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(last.lastRun).toMatchObject({ status: 'done', error: null });
  });
});
