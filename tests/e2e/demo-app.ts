// The e2e fixture: a small seeded demo network in the test Neo4j (loaded and analysed through the same
// functions `npm start` uses), the demo admin with a fresh password, and the real server with the
// built client.
import type { FastifyInstance } from 'fastify';
import { ensureDemoData } from '../../ingest/demo/ensure.ts';
import { runAnalysis } from '../../queries/analysis/run.ts';
import { ensureDemoUser } from '../../queries/users.ts';
import { resetGraph, testDb } from '../helpers/db.ts';
import { startTestServer } from '../helpers/server.ts';

/** Small enough to load and analyse in seconds, large enough for communities and places. */
const E2E_ACCOUNTS = 400;

export interface DemoApp {
  app: FastifyInstance;
  url: string;
  username: string;
  password: string;
}

export async function startDemoApp(): Promise<DemoApp> {
  const db = testDb();
  try {
    await resetGraph(db);
    await ensureDemoData(db, () => {}, { accounts: E2E_ACCOUNTS, seed: 7 });
    await runAnalysis(db, { seed: 7 });
    const login = await ensureDemoUser(db);
    const server = await startTestServer({ client: true });
    return { ...server, ...login };
  } finally {
    await db.close();
  }
}
