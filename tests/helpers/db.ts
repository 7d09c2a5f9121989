// Database helpers for the integration suites: a Db on the test database and a reset that empties it.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { connectionFromEnv, openDb } from '../../queries/connection.ts';
import type { Db } from '../../queries/db.ts';
import { applySchema } from '../../queries/schema.ts';

const MARK = 'carecircle-test-database';

export function testDb(): Db {
  return openDb(connectionFromEnv());
}

/**
 * CARECIRCLE_TEST_KEEP_GRAPH=1 runs a suite that only reads and adds users (the malformed-input fuzz,
 * tests/integration/server/malformed.test.ts) against a graph loaded beforehand, e.g. the 1M demo
 * graph in another instance: nothing is seeded and nothing deleted (resetGraph refuses).
 */
export const KEEP_GRAPH = process.env.CARECIRCLE_TEST_KEEP_GRAPH === '1';

/** Refuses to go on against a database holding someone's data; marks an empty one as ours. */
export async function markTestDatabase(db: Db): Promise<void> {
  if (KEEP_GRAPH) return;
  const [row] = await db.read(
    `OPTIONAL MATCH (m:CarecircleMeta {key: $key}) WITH m
     OPTIONAL MATCH (n) WHERE NOT n:CarecircleMeta
     RETURN m IS NOT NULL AS marked, count(n) AS nodes`,
    { key: MARK },
  );
  if (!row?.marked && Number(row?.nodes) > 0) {
    throw new Error(
      `${db.uri} holds ${row?.nodes} nodes and is not a Carecircle test database: the tests delete data, so they ` +
        'will not run there. Unset NEO4J_URI to use the local test instance, or point it at an empty database.',
    );
  }
  await db.write('MERGE (m:CarecircleMeta {key: $key})', { key: MARK });
}

/**
 * Deletes every node except the marker, in batches so large graphs do not need one huge transaction:
 * relationships first, because DETACH DELETE of an account with thousands of interactions carries
 * them all in its batch and ran out of transaction memory on a 1M-interaction graph with a 1 GB heap.
 */
export async function resetGraph(db: Db): Promise<void> {
  if (KEEP_GRAPH) {
    throw new Error('CARECIRCLE_TEST_KEEP_GRAPH=1: this suite deletes the graph; run only malformed.test.ts');
  }
  await db.autoCommit('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS');
  await db.autoCommit(
    `MATCH (n) WHERE NOT n:CarecircleMeta
     CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`,
  );
}

/**
 * The life cycle the integration files share: the test database checked and marked, the schema
 * applied, the graph emptied (and `fill`ed, when given) before the file, emptied again before each
 * test when `eachTest` is set, and emptied and closed after the file. `opened` receives the Db once
 * it exists (hooks run later than the module's own code). Call it at the top of a file or a describe.
 */
export function useTestGraph(
  opened: (db: Db) => void,
  opts: { eachTest?: boolean; fill?: (db: Db) => Promise<void> } = {},
): void {
  let db: Db;
  beforeAll(async () => {
    db = testDb();
    opened(db);
    await markTestDatabase(db);
    await applySchema(db);
    await resetGraph(db);
    await opts.fill?.(db);
  });
  afterAll(async () => {
    await resetGraph(db);
    await db.close();
  });
  if (opts.eachTest) beforeEach(() => resetGraph(db));
}
