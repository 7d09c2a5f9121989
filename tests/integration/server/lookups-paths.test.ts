// Issue 13, lookups and paths: names of Object.prototype members as filter values never reach a
// plain-object lookup (400 or an empty answer, never a 5xx), and admin ingest jobs only read files
// whose real path (symlinks followed) is inside the import folder.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, useApi, type Client } from './client.ts';

const PROTO = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

describe('prototype names as filter values', () => {
  const suite = useApi();
  let viewer: Client;
  let admin: Client;
  beforeAll(async () => {
    viewer = await signIn(suite.api, 'proto-viewer', 'viewer');
    admin = await signIn(suite.api, 'proto-admin', 'admin');
  });

  // Every filter that takes text, on every route that has one.
  const cases: [string, (v: string) => string][] = [
    ['influencers hashtag', (v) => `/api/influencers?hashtag=${v}`],
    ['influencers specialty', (v) => `/api/influencers?specialty=${v}`],
    ['influencers near', (v) => `/api/influencers?near=${v}`],
    ['influencers near + radius', (v) => `/api/influencers?near=${v}&radiusKm=100`],
    ['influencers region', (v) => `/api/influencers?region=${v}`],
    ['influencers role', (v) => `/api/influencers?role=${v}`],
    ['influencers community', (v) => `/api/influencers?community=${v}`],
    ['influencers cursor', (v) => `/api/influencers?cursor=${v}`],
    ['hashtags tag', (v) => `/api/hashtags?tag=${v}`],
    ['graph community', (v) => `/api/graph?community=${v}`],
    ['communities id', (v) => `/api/communities/${v}`],
    ['account id', (v) => `/api/accounts/x%3A${v}`],
    ['account ego', (v) => `/api/accounts/x%3A${v}/ego`],
    ['outreach pipeline stage', (v) => `/api/outreach/pipeline?stage=${v}`],
    ['outreach pipeline owner', (v) => `/api/outreach/pipeline?owner=${v}`],
    ['outreach contacts', (v) => `/api/outreach/contacts?accountId=x%3A${v}`],
    ['outreach relationship', (v) => `/api/outreach/relationships/x%3A${v}`],
    ['outreach export owner', (v) => `/api/outreach/export.csv?owner=${v}`],
  ];

  it('answers 400 or an empty result, never a 5xx', { timeout: 400_000 }, async () => {
    const seen: string[] = [];
    for (const [what, url] of cases) {
      for (const name of PROTO) {
        // Places are looked up part by part: "constructor, MA" reaches the city and state tables.
        const values = what.includes('near') || what.includes('region') ? [name, `${name}, MA`] : [name];
        for (const value of values) {
          const res = await viewer.fetch(url(encodeURIComponent(value)));
          const label = `${what} = ${value}: ${res.status}`;
          seen.push(label);
          expect([200, 400, 404], label).toContain(res.status);
          if (res.status === 200 && res.headers.get('content-type')?.includes('json')) {
            const body = await res.json();
            // A list answer must be empty: nothing in the graph is called "constructor".
            if (Array.isArray(body.items)) expect(body.items, label).toEqual([]);
            if (Array.isArray(body.nodes) && what.startsWith('graph')) expect(body.nodes, label).toEqual([]);
            if (what.startsWith('outreach relationship')) expect(body.relationship, label).toBeNull();
          } else {
            const body = await res.json().catch(() => ({}));
            if (res.status === 400) expect(typeof body.message, label).toBe('string');
          }
        }
      }
    }
    // near=constructor is an unknown place, named as such (it used to be a 500).
    const near = await viewer.fetch('/api/influencers?near=constructor');
    expect(near.status).toBe(400);
    expect((await near.json()).details[0].field).toBe('query.near');
    expect(seen.length).toBe((cases.length + 3) * PROTO.length);
  });

  it('the admin filters too', async () => {
    for (const name of PROTO) {
      for (const url of [`/api/audit?actor=${name}`, `/api/audit?target=${name}`]) {
        const res = await admin.fetch(url);
        expect(res.status, url).toBe(200);
        expect((await res.json()).items, url).toEqual([]);
      }
      const job = await admin.fetch('/api/jobs', { method: 'POST', json: { kind: name } });
      expect(job.status).toBe(400);
      const user = await admin.fetch(`/api/users/${name}/role`, { method: 'PUT', json: { role: 'viewer' } });
      expect([400, 404], name).toContain(user.status);
    }
  });

  it('known values still work: specialty and region synonyms resolve', async () => {
    const res = await viewer.fetch('/api/influencers?region=MA');
    expect(res.status).toBe(200);
    const spec = await viewer.fetch('/api/influencers?specialty=T1D');
    expect(spec.status).toBe(200);
  });
});

describe('admin ingest paths are checked after symlinks are resolved', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'carecircle-paths-'));
  const importDir = path.join(root, 'import');
  const outside = path.join(root, 'outside');
  const ran: string[][] = [];
  const suite = useApi(
    {
      importDir,
      jobRunners: {
        analyze: async () => ({}),
        ingest: async (_db, p) => {
          ran.push(p.paths);
          return {};
        },
        scan: async () => ({}),
      },
    },
    { seed: false },
  );
  let admin: Client;
  beforeAll(async () => {
    mkdirSync(importDir);
    mkdirSync(outside);
    mkdirSync(path.join(importDir, 'batch'));
    writeFileSync(path.join(importDir, 'edges.csv'), 'source,target\na,b\n');
    writeFileSync(path.join(importDir, 'batch', 'more.csv'), 'source,target\nb,c\n');
    writeFileSync(path.join(outside, 'secret.csv'), 'source,target\nsecret,data\n');
    symlinkSync(path.join(outside, 'secret.csv'), path.join(importDir, 'leak.csv'));
    symlinkSync('/etc/passwd', path.join(importDir, 'passwd.csv'));
    symlinkSync(outside, path.join(importDir, 'elsewhere'));
    symlinkSync(path.join(importDir, 'edges.csv'), path.join(importDir, 'alias.csv'));
    admin = await signIn(suite.api, 'paths-admin', 'admin');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const start = (files: string[]) =>
    admin.fetch('/api/jobs', { method: 'POST', json: { kind: 'ingest', files } });

  it('refuses a symlink that leads out of the import folder, a file or a folder, with 400 naming body.files', async () => {
    for (const f of ['leak.csv', 'passwd.csv', 'elsewhere/secret.csv', 'batch/../leak.csv']) {
      const res = await start([f]);
      expect(res.status, f).toBe(400);
      const body = await res.json();
      expect(body.details[0].field, f).toBe('body.files');
      expect(body.message, f).toMatch(/outside the import folder/);
    }
    // A good file in the same request does not let a bad one through.
    expect((await start(['edges.csv', 'leak.csv'])).status).toBe(400);
    expect(ran).toEqual([]);
  });

  it('accepts files inside, including a link to another file inside, and hands the ingest the real path', async () => {
    const res = await start(['edges.csv', 'batch/more.csv', 'alias.csv']);
    expect(res.status).toBe(202);
    for (let i = 0; i < 100 && ran.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    const real = realpathSync(importDir);
    expect(ran).toEqual([
      [path.join(real, 'edges.csv'), path.join(real, 'batch', 'more.csv'), path.join(real, 'edges.csv')],
    ]);
  });
});
