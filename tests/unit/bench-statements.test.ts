// The benchmarks read their own statements from tests/bench/cypher/ by name, and they run only on
// request (npm run bench), so a missing file would go unnoticed until someone measures: every name
// the benchmark scripts load is checked here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const benchDir = fileURLToPath(new URL('../bench/', import.meta.url));

describe('the benchmarks’ statements', () => {
  it('exist for every name the scripts load', () => {
    const names = new Set<string>();
    for (const file of readdirSync(benchDir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(path.join(benchDir, file), 'utf8');
      for (const m of text.matchAll(/\b(?:benchCypher|peerStatement)\('([\w-]+)'\)/g)) names.add(m[1]!);
    }
    expect(names.size).toBeGreaterThan(5);
    const missing = [...names].filter((n) => !existsSync(path.join(benchDir, 'cypher', `${n}.cypher`)));
    expect(missing).toEqual([]);
  });
});
