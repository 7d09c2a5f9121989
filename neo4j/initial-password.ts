// The one statement neo4j/ runs itself: a fresh local Neo4j accepts only neo4j/neo4j and demands a new
// password before anything else. Here rather than in queries/db.ts so that neo4j/ (the instance's
// life cycle) does not depend on queries/, which depends on it for the local connection settings.
import neo4j, { Neo4jError } from 'neo4j-driver';

/** Returns true when it changed the password, false when neo4j/neo4j no longer works (already set). */
export async function setInitialPassword(uri: string, password: string): Promise<boolean> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'neo4j'), { connectionTimeout: 5_000 });
  const session = driver.session({ database: 'system' });
  try {
    await session.run('ALTER CURRENT USER SET PASSWORD FROM $old TO $new', { old: 'neo4j', new: password });
    return true;
  } catch (err) {
    if (err instanceof Neo4jError && err.code.startsWith('Neo.ClientError.Security.')) return false;
    throw err;
  } finally {
    await session.close();
    await driver.close();
  }
}
