// The README's test command (`npm test`): everything a fresh machine needs, then every check and test.
// 1. the Neo4j jars (Maven Central, cached) and Chromium (Debian's package) are in place;
// 2. `npm run check` (types, lint with zero warnings, formatting);
// 3. every vitest project: unit and integration (against real local test Neo4j instances), and
//    alongside them e2e in Chromium, on a test Neo4j of its own.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { ensureClientBuilt } from '../server/client-build.ts';
import { freePort, localInstance, portOpen, status } from '../neo4j/instance.ts';
import { checkJava, ensureJars } from '../neo4j/jars.ts';

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
// Built once here: the integration and e2e runs below both start servers that would otherwise build
// it on first use, at the same time, into the same folder.
await ensureClientBuilt((l) => console.log(l));

interface Report {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}
const vitestArgs = (report: string, projects: string[]) => [
  'vitest',
  'run',
  ...projects.flatMap((p) => ['--project', p]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
];

/** Runs a command to its end; its output goes to `log` (a file) or, without one, to ours. */
function runAsync(cmd: string, args: string[], env: NodeJS.ProcessEnv, log?: string): Promise<number> {
  return new Promise((resolve) => {
    const out = log ? openSync(log, 'w') : 'inherit';
    const child = spawn(cmd, args, { env, stdio: ['ignore', out, out] });
    child.on('error', () => resolve(1));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

// The browser tests (e2e) write to a database of their own, so they run alongside the unit and
// integration files instead of after them: most of their time is the browser and the app, not
// Neo4j. They get their own local instance ("test-e2e"); with NEO4J_URI there is one server, and
// they run after the others on it, as before.
const alongside = !process.env.NEO4J_URI;
const reports = ['coverage/vitest.json', 'coverage/vitest-e2e.json'];
let codes: number[];
if (alongside) {
  const e2eInstance = localInstance({ ...process.env, CARECIRCLE_NEO4J_INSTANCE: 'test-e2e' });
  const e2ePort = status(e2eInstance).running
    ? e2eInstance.port
    : (await portOpen(7690))
      ? await freePort()
      : 7690;
  const e2eEnv = {
    ...process.env,
    CARECIRCLE_NEO4J_INSTANCE: 'test-e2e',
    CARECIRCLE_NEO4J_PORT: String(e2ePort),
  };
  const e2eLog = 'coverage/e2e.log';
  console.log(
    `The browser tests run alongside, on Neo4j "test-e2e" (port ${e2ePort}); their output: ${e2eLog}`,
  );
  codes = await Promise.all([
    runAsync('npx', vitestArgs(reports[0]!, ['unit', 'integration']), process.env),
    runAsync('npx', vitestArgs(reports[1]!, ['e2e']), e2eEnv, e2eLog),
  ]);
  console.log(`\n──── the browser tests (e2e), run alongside ────`);
  process.stdout.write(readFileSync(e2eLog, 'utf8'));
} else {
  codes = [
    run('npx', vitestArgs(reports[0]!, ['unit', 'integration'])),
    run('npx', vitestArgs(reports[1]!, ['e2e'])),
  ];
}
const total = { passed: 0, failed: 0, skipped: 0 };
for (const file of reports) {
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, 'utf8')) as Report;
  total.passed += r.numPassedTests;
  total.failed += r.numFailedTests;
  total.skipped += r.numPendingTests;
}
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(codes.find((c) => c !== 0) ?? 0);
