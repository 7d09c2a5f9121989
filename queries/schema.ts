// Applies queries/schema/*.cypher (constraints and indexes) in order. Every statement is
// `IF NOT EXISTS`, so running it at each start is safe; it then waits for indexes to come online.
import type { Db } from './db.ts';
import { schemaStatements } from './cypher.ts';

export async function applySchema(db: Db): Promise<number> {
  const statements = schemaStatements();
  for (const s of statements) await db.autoCommit(s);
  await db.autoCommit({ name: 'schema/await', text: 'CALL db.awaitIndexes(300)' });
  return statements.length;
}
