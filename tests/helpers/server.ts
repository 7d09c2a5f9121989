// A real HTTP server on a free loopback port, built the way `serve` builds it, for e2e and API tests.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { ensureClientBuilt } from '../../server/client-build.ts';
import { testDb } from './db.ts';

export async function startTestServer(
  opts: { client?: boolean } = {},
): Promise<{ app: FastifyInstance; url: string }> {
  if (opts.client) await ensureClientBuilt(() => {});
  const app = await buildApp({ db: testDb(), logLevel: 'silent' });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: address };
}
