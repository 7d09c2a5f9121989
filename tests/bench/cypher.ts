// The statements only the benchmarks run (finding a busy account, reading Neo4j's heap and page
// cache figures), kept beside them in tests/bench/cypher/ so that none of them ships in queries/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Statement } from '../../queries/cypher.ts';

const dir = fileURLToPath(new URL('./cypher/', import.meta.url));

/** Loads tests/bench/cypher/<name>.cypher; the name tags the transaction as loadCypher's do. */
export function benchCypher(name: string): Statement {
  return { name: `bench/${name}`, text: readFileSync(`${dir}${name}.cypher`, 'utf8').trim() };
}
