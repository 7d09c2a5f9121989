// What the benches that need the seeded demo network share: the command line in a child process, as
// a user runs it, and the load of the demo network at a given size into the bench instance.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliProcess } from '../helpers/cli.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const benchOutDir = path.join(root, 'tests/bench/out');

/** `npm run cli -- …` in a child process; its stdout. Exit 3 (done, with rejects) counts as success. */
export function benchCli(args: string[]): string {
  const r = spawnSync(...cliProcess(args), {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0 && r.status !== 3) throw new Error(`cli ${args.join(' ')} failed (exit ${r.status})`);
  return r.stdout;
}

/** The bench instance ("bench" on port 7698) unless the environment names another. */
export function useBenchInstance(): void {
  process.env.CARECIRCLE_NEO4J_INSTANCE ??= 'bench';
  if (process.env.CARECIRCLE_NEO4J_INSTANCE === 'bench') process.env.CARECIRCLE_NEO4J_PORT ??= '7698';
}

/**
 * The seeded demo network at `m` interactions (m / 10 accounts) with its posts, hashtags, specialties,
 * mention texts of the demo hospital and planted chats, as `npm start` has it at 2,000 accounts.
 * Written once into tests/bench/out/api-data-<m>/ and reused; loaded with `ingest --bulk` (the
 * first-load path) into the emptied instance. The instance must be running (`db start`, from a child
 * process, so the bench is never the parent of the Neo4j that bulk stops and starts again).
 */
export function loadDemoGraph(m: number): { seconds: number; loaded: number; accounts: number } {
  if (process.env.NEO4J_URI) throw new Error('the demo graph is loaded with ingest --bulk: unset NEO4J_URI');
  const dataDir = path.join(benchOutDir, `api-data-${m}`);
  const accounts = Math.round(m / 10);
  const files = ['accounts.csv', 'edges.csv', 'chats.csv'].map((f) => path.join(dataDir, f));
  if (!files.every((f) => existsSync(f))) {
    benchCli([
      'demo-data',
      '--out',
      dataDir,
      '--accounts',
      String(accounts),
      '--interactions',
      String(m),
      '--chats',
    ]);
  }
  benchCli(['reset', '--yes', '--all']);
  const t = performance.now();
  const summary = JSON.parse(benchCli(['ingest', '--bulk', '--json', ...files])) as { loaded?: number };
  return { seconds: (performance.now() - t) / 1000, loaded: summary.loaded ?? 0, accounts };
}
