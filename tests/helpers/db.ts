// Database helpers for the integration suites: a Db on the test database and a reset that empties it.
import { connectionFromEnv, openDb } from '../../queries/connection.ts';
import type { Db } from '../../queries/db.ts';

const MARK = 'carecircle-test-database';

export function testDb(): Db {
  return openDb(connectionFromEnv());
}

/** Refuses to go on against a database holding someone's data; marks an empty one as ours. */
export async function markTestDatabase(db: Db): Promise<void> {
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

/** Deletes every node except the marker, in batches so large graphs do not need one huge transaction. */
export async function resetGraph(db: Db): Promise<void> {
  await db.autoCommit(
    `MATCH (n) WHERE NOT n:CarecircleMeta
     CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`,
  );
}
