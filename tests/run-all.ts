// The README's test command (`npm test`): everything a fresh machine needs, then every check and test.
// 1. the Neo4j jars (Maven Central, cached) and Chromium (Debian's package) are in place;
// 2. `npm run check` (types, lint with zero warnings, formatting);
// 3. every vitest project (unit, integration against the real local test Neo4j, e2e in Chromium).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { checkJava, ensureJars, freePort, localInstance, portOpen, status } from '../neo4j/local.ts';

function run(cmd: string, args: string[]): number {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  return r.status ?? 1;
}

function ensureChromium(): void {
  if (existsSync('/usr/bin/chromium')) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      "Chromium is missing: install Debian's package (sudo apt-get install -y chromium) and run again",
    );
  }
  console.log("Installing Debian's chromium for the browser tests…");
  if (run('apt-get', ['update', '-qq']) !== 0 || run('apt-get', ['install', '-y', '-qq', 'chromium']) !== 0) {
    throw new Error('apt-get could not install chromium');
  }
}

// The test instances (the suites' own and the ones the tests start) keep the sizes they ran with
// before `db start` learnt to size Neo4j from the machine: several run at once on a CI machine, and
// each sized for the whole machine would ask for more memory than it has.
process.env.NEO4J_HEAP ??= '2g';
process.env.NEO4J_PAGECACHE ??= '2g';

checkJava();
ensureJars((l) => console.log(l));
ensureChromium();

// The test Neo4j listens on 7688 unless told otherwise. When another program holds that port (often
// the test Neo4j of another checkout), this run takes a free port instead of failing at set-up; the
// vitest workers and the CLI processes the tests start inherit it. This checkout's own running test
// instance keeps the port it has.
if (!process.env.NEO4J_URI && !process.env.CARECIRCLE_NEO4J_PORT) {
  const inst = localInstance({ ...process.env, CARECIRCLE_NEO4J_INSTANCE: 'test' });
  if (!status(inst).running && (await portOpen(inst.port))) {
    const port = await freePort();
    process.env.CARECIRCLE_NEO4J_PORT = String(port);
    console.log(`port ${inst.port} is in use by another program: the test Neo4j listens on ${port} instead`);
  }
}

const steps: [string, string[]][] = [['npm', ['run', 'check']]];
for (const [cmd, args] of steps) {
  if (run(cmd, args) !== 0) {
    console.error(`\n${cmd} ${args.join(' ')} failed`);
    process.exit(1);
  }
}
mkdirSync('coverage', { recursive: true });
const code = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=coverage/vitest.json',
]);
if (existsSync('coverage/vitest.json')) {
  const r = JSON.parse(readFileSync('coverage/vitest.json', 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
  };
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
}
process.exit(code);
