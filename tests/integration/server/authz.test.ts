import { beforeAll, describe, expect, it } from 'vitest';
import { allows, Role } from '../../../server/auth/roles.ts';
import { client, signIn, useApi, type Api, type Client } from './client.ts';
import { jobIdHolder, NOT_IN_MATRIX, ROUTES, type RouteCase } from './routes.ts';

describe('authorisation matrix: every role × every route', () => {
  const suite = useApi({
    jobRunners: {
      analyze: async (_db, _p, progress) => {
        progress({ phase: 'test', fraction: 1 });
        return { ok: true };
      },
      ingest: async () => ({}),
      scan: async () => ({}),
    },
  });
  let api: Api;
  const sessions = new Map<string, Client>();
  beforeAll(async () => {
    api = suite.api;
    for (const role of Role.options) sessions.set(role, await signIn(api, `matrix-${role}`, role));
    const job = await sessions
      .get('admin')!
      .fetch('/api/jobs', { method: 'POST', json: { kind: 'analyze' } });
    expect(job.status).toBe(202);
    jobIdHolder.id = (await job.json()).id;
  });

  const send = (who: Client, r: RouteCase) =>
    who.fetch(r.url(), { method: r.method, ...(r.body ? { json: r.body() } : {}) });

  it('lists every route of the OpenAPI document', async () => {
    const doc = await (await fetch(`${api.url}/api/docs/json`)).json();
    const documented: string[] = [];
    for (const [p, ops] of Object.entries(doc.paths as Record<string, object>)) {
      for (const m of Object.keys(ops)) documented.push(`${m.toUpperCase()} ${p}`);
    }
    const covered = new Set(ROUTES.map((r) => `${r.method} ${r.path}`));
    const missing = documented.filter((d) => !covered.has(d) && !NOT_IN_MATRIX.has(d));
    expect(missing).toEqual([]);
    expect(documented.length).toBeGreaterThanOrEqual(ROUTES.length);
  });

  const expected = (r: RouteCase, who: 'anonymous' | Role) => {
    if (r.access === 'public') return r.ok;
    if (who === 'anonymous') return 401;
    return allows(who, r.access) ? r.ok : 403;
  };

  for (const r of ROUTES) {
    it(`${r.method} ${r.path}: anonymous ${expected(r, 'anonymous')}, viewer ${expected(r, 'viewer')}, outreach ${expected(r, 'outreach')}, admin ${expected(r, 'admin')}`, async () => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const who of ['anonymous', ...Role.options] as const) {
        let c = who === 'anonymous' ? client(api.url) : sessions.get(who)!;
        if (r.endsSession && who !== 'anonymous') c = await signIn(api, `matrix-${who}-2`, who);
        const res = await send(c, r);
        got[who] = res.status;
        want[who] = expected(r, who);
        if (res.status === 401 || res.status === 403) {
          expect((await res.json()).error).toMatch(/^(unauthorized|forbidden)$/);
        } else await res.arrayBuffer();
      }
      expect(got).toEqual(want);
    });
  }

  it('the job started in setup finished with progress', async () => {
    const job = await (await sessions.get('admin')!.fetch(`/api/jobs/${jobIdHolder.id}`)).json();
    expect(job).toMatchObject({
      kind: 'analyze',
      status: 'succeeded',
      by: 'matrix-admin',
      result: { ok: true },
    });
    expect(job.progress).toMatchObject({ phase: 'done', fraction: 1 });
  });
});
