// Property-based: malformed bodies, query strings and ids sent to every route by a signed-in admin
// (who passes every role check, so the input reaches validation and the handlers) never get a 5xx,
// and every error answer has the {error, message} shape.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, useApi, type Api, type Client } from './client.ts';
import { ROUTES, jobIdHolder, type RouteCase } from './routes.ts';

const RUNS = Number(process.env.FC_RUNS ?? 25);

/** Text that may hold anything: control characters, quotes, Cypher, unicode, very long runs. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    "' OR 1=1 //",
    '}) DETACH DELETE n //',
    '../../../etc/passwd',
    '%00',
    '\u0000',
    '__proto__',
    'x:',
    ':',
    '-1',
    '1e309',
    'NaN',
    '9'.repeat(400),
    'x:' + 'a'.repeat(5000),
  ),
);

function encode(s: string): string | null {
  try {
    return encodeURIComponent(s);
  } catch {
    return null; // lone surrogates cannot be sent in a URL at all
  }
}

const queryString = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'limit',
        'cap',
        'community',
        'tag',
        'stage',
        'owner',
        'accountId',
        'before',
        'maxHops',
        'cursor',
      ),
      nasty,
    ),
    {
      maxLength: 4,
    },
  )
  .map((pairs) =>
    pairs
      .map(([k, v]) => {
        const e = encode(v);
        return e === null ? '' : `${k}=${e}`;
      })
      .filter(Boolean)
      .join('&'),
  );

const jsonBody = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(
    fc.constantFrom(
      'name',
      'role',
      'password',
      'stage',
      'owner',
      'nextStep',
      'dueDate',
      'accountId',
      'at',
      'channel',
      'note',
      'outcome',
      'kind',
      'files',
      'seed',
      'resolution',
      'username',
    ),
    fc.oneof(
      nasty,
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(nasty, { maxLength: 3 }),
    ),
  ),
);

const rawBody = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{', '{"a":', '[1,2', 'null', '"x"', '{"__proto__":{"x":1}}'),
);

describe('malformed input never causes a 5xx', () => {
  const suite = useApi({
    jobRunners: { analyze: async () => ({}), ingest: async () => ({}), scan: async () => ({}) },
    importDir: 'tests/fixtures/phi',
  });
  let api: Api;
  let admin: Client;
  const seen = new Map<number, number>();
  beforeAll(async () => {
    api = suite.api;
    admin = await signIn(api, 'fuzz-admin', 'admin');
    const job = await admin.fetch('/api/jobs', { method: 'POST', json: { kind: 'analyze' } });
    jobIdHolder.id = (await job.json()).id;
  });
  afterAll(() => {
    console.log(`statuses seen: ${JSON.stringify(Object.fromEntries([...seen].sort()))}`);
  });

  async function check(res: Response, what: string) {
    seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
    expect(res.status, what).toBeLessThan(500);
    if (res.status >= 400) {
      const body = await res.json();
      expect(typeof body.error, what).toBe('string');
      expect(typeof body.message, what).toBe('string');
    } else await res.arrayBuffer();
  }

  const routes = ROUTES.filter((r) => !r.endsSession);
  const withIds = routes.filter((r) => r.path.includes('{id}'));
  const withBodies = [
    ...routes.filter((r) => r.body),
    {
      method: 'POST',
      path: '/api/auth/login',
      url: () => '/api/auth/login',
      access: 'public',
      ok: 200,
    } as RouteCase,
  ];

  for (const r of withIds) {
    it(`${r.method} ${r.path} with malformed ids`, async () => {
      await fc.assert(
        fc.asyncProperty(nasty, async (id) => {
          const e = encode(id);
          if (e === null) return;
          const url = r.path.replace('{id}', e);
          const res = await admin.fetch(url, { method: r.method, ...(r.body ? { json: r.body() } : {}) });
          await check(res, `${r.method} ${url}`);
        }),
        { numRuns: RUNS },
      );
    });
  }

  for (const r of routes) {
    it(`${r.method} ${r.path} with malformed query strings`, async () => {
      await fc.assert(
        fc.asyncProperty(queryString, async (qs) => {
          const base = r.url().split('?')[0]!;
          const res = await admin.fetch(`${base}?${qs}`, {
            method: r.method,
            ...(r.body ? { json: r.body() } : {}),
          });
          await check(res, `${r.method} ${base}?${qs}`);
        }),
        { numRuns: RUNS },
      );
    });
  }

  for (const r of withBodies) {
    it(`${r.method} ${r.path} with malformed bodies`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            jsonBody.map((j) => JSON.stringify(j)),
            rawBody,
          ),
          async (body) => {
            const res = await admin.fetch(r.url(), {
              method: r.method,
              body,
              headers: { 'content-type': 'application/json' },
            });
            await check(res, `${r.method} ${r.path} ${body.slice(0, 200)}`);
          },
        ),
        { numRuns: RUNS * 2 },
      );
    });
  }
});
