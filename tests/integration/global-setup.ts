// Starts the local *test* Neo4j (instance "test", port 7688, its own data folder) so tests never touch
// the app's data. With NEO4J_URI set, that server is used instead, but only when it is empty or
// already marked as a Carecircle test database: the suites delete what they write.
import { localInstance, start } from '../../neo4j/instance.ts';
import { connectionFromEnv, openDb } from '../../queries/connection.ts';
import { applySchema } from '../../queries/schema.ts';
import { markTestDatabase } from '../helpers/db.ts';

export default async function setup(): Promise<void> {
  if (!process.env.NEO4J_URI) {
    process.env.CARECIRCLE_NEO4J_INSTANCE ??= 'test';
    await start(localInstance(), { log: (l) => console.log(`[test neo4j] ${l}`) });
  }
  const db = openDb(connectionFromEnv());
  try {
    await db.serverInfo();
    await applySchema(db);
    await markTestDatabase(db);
  } finally {
    await db.close();
  }
}
