// Cypher lives in .cypher files under queries/cypher/, loaded by name once and cached.
// Statements take parameters only; nothing here ever splices user input into Cypher text.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export interface Statement {
  /** e.g. 'ingest/merge-accounts'; used to tag transactions and in logs. */
  name: string;
  text: string;
}

const cypherDir = fileURLToPath(new URL('./cypher/', import.meta.url));
const schemaDir = fileURLToPath(new URL('./schema/', import.meta.url));
const cache = new Map<string, Statement>();

/** Loads queries/cypher/<name>.cypher. */
export function loadCypher(name: string): Statement {
  let s = cache.get(name);
  if (!s) {
    const file = path.join(cypherDir, `${name}.cypher`);
    s = { name, text: readFileSync(file, 'utf8').trim() };
    cache.set(name, s);
  }
  return s;
}

/** Every schema statement, in file order, split on `;` at line ends. */
export function schemaStatements(): Statement[] {
  const files = readdirSync(schemaDir)
    .filter((f) => f.endsWith('.cypher'))
    .sort();
  const out: Statement[] = [];
  for (const f of files) {
    const text = readFileSync(path.join(schemaDir, f), 'utf8')
      .split('\n')
      .filter((line) => !line.trim().startsWith('//'))
      .join('\n');
    text
      .split(/;\s*$/m)
      .map((t) => t.trim())
      .filter(Boolean)
      .forEach((t, i) => out.push({ name: `schema/${f}#${i + 1}`, text: t }));
  }
  return out;
}
