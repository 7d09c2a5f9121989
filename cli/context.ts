// What a command needs to reach the database: the connection (local or NEO4J_URI), the local
// instance started when it is ours and `ensure` is asked, and the schema applied.
import { connectionFromEnv, openDb } from '../queries/connection.ts';
import type { Db } from '../queries/db.ts';
import { applySchema } from '../queries/schema.ts';
import { localInstance, start } from '../neo4j/instance.ts';

interface DbContext {
  db: Db;
  managed: boolean;
}

/**
 * Opens the database. With `ensureRunning`, a local instance is started if needed (NEO4J_URI: never).
 * The connection is verified at once so an unreachable server fails fast with its URI in the message.
 */
export async function withDb<T>(
  opts: { ensureRunning?: boolean; log?: (line: string) => void },
  work: (ctx: DbContext) => Promise<T>,
): Promise<T> {
  if (!process.env.NEO4J_URI && opts.ensureRunning) await start(localInstance(), { log: opts.log });
  const conn = connectionFromEnv();
  // Batch commands wait out transient errors longer than the web server does: a rerun after a kill
  // can meet locks the killed client's transaction still holds until Neo4j notices it is gone.
  const db = openDb(conn, undefined, 60_000);
  try {
    await db.serverInfo();
    await applySchema(db);
    return await work({ db, managed: conn.managed });
  } finally {
    await db.close();
  }
}
