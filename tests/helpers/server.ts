// A real HTTP server on a free loopback port, built the way `serve` builds it, for e2e and API tests.
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
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

/**
 * For a browser suite without demo data: before all, the server with the built client and Chromium;
 * after all, both closed. The holder's fields are set once the first beforeAll has run.
 */
export function useClientInBrowser(): { browser: Browser; server: { app: FastifyInstance; url: string } } {
  const suite = {} as { browser: Browser; server: { app: FastifyInstance; url: string } };
  beforeAll(async () => {
    suite.server = await startTestServer({ client: true });
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.app.close();
  });
  return suite;
}
