// Test helpers for the server suites: a real HTTP server on a free port and signed-in clients that
// carry their session cookie and CSRF token the way a browser would.
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../../server/app.ts';
import { setUser } from '../../../queries/users.ts';
import type { Role } from '../../../server/auth/roles.ts';
import type { Db } from '../../../queries/db.ts';
import { afterAll, beforeAll } from 'vitest';
import { KEEP_GRAPH, resetGraph, testDb } from '../../helpers/db.ts';
import { seedGraph } from './seed.ts';

export interface Api {
  app: FastifyInstance;
  url: string;
  db: Db;
  close(): Promise<void>;
}

export async function startApi(opts: Partial<AppOptions> = {}): Promise<Api> {
  const db = opts.db ?? testDb();
  const app = await buildApp({ logLevel: 'silent', loginAttemptsPerMinute: 1000, ...opts, db });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url, db, close: () => app.close() };
}

/**
 * The life cycle the server suites share, registered as the suite's first hooks: before all, a server
 * (`opts`) on an emptied graph, holding the seed graph (seed.ts) unless `seed` is false; after all,
 * the graph emptied again and the server closed. `api` is set once the first beforeAll has run.
 */
export function useApi(opts: Partial<AppOptions> = {}, { seed = true } = {}): { api: Api } {
  const suite = {} as { api: Api };
  beforeAll(async () => {
    suite.api = await startApi(opts);
    if (KEEP_GRAPH) return;
    await resetGraph(suite.api.db);
    if (seed) await seedGraph(suite.api.db);
  });
  afterAll(async () => {
    // Later hooks' afterAll run first, so a suite's own clean-up still sees the server.
    if (!suite.api) return;
    if (!KEEP_GRAPH) await resetGraph(suite.api.db);
    await suite.api.close();
  });
  return suite;
}

export interface Client {
  name: string;
  role: Role | 'anonymous';
  csrfToken: string;
  cookie: string;
  fetch(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

export const PASSWORD = 'correct horse battery staple';

function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .filter((c) => !c.endsWith('='))
    .join('; ');
}

export function client(
  base: string,
  cookie = '',
  csrfToken = '',
  name = '',
  role: Client['role'] = 'anonymous',
): Client {
  return {
    name,
    role,
    cookie,
    csrfToken,
    fetch(path, init = {}) {
      const headers = new Headers(init.headers);
      if (cookie && !headers.has('cookie')) headers.set('cookie', cookie);
      if (csrfToken && !headers.has('x-csrf-token')) headers.set('x-csrf-token', csrfToken);
      let body = init.body;
      if (init.json !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(init.json);
      }
      return fetch(base + path, { ...init, headers, body, redirect: 'manual' });
    },
  };
}

/** Creates (or resets) the user and signs in over HTTP. */
export async function signIn(api: Api, name: string, role: Role): Promise<Client> {
  await setUser(api.db, name, role, PASSWORD);
  const res = await fetch(`${api.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: name, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${name} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  return client(api.url, cookiesOf(res), body.csrfToken, name, role);
}

export { cookiesOf };
