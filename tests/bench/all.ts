// `npm run bench`: every benchmark in turn, each printing its figures and its ratio against a peer
// measured in the same run. A benchmark that fails is reported and the others still run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const benches = ['ingest', 'analysis', 'api', 'client', 'collect'];
let failed = 0;
for (const name of benches) {
  const file = `tests/bench/${name}.bench.ts`;
  if (!existsSync(file)) continue;
  console.log(`\n=== bench:${name} ===`);
  const r = spawnSync('npx', ['tsx', file, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`bench:${name} failed (exit ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
