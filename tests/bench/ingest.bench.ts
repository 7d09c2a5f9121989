// `npm run bench:ingest`: generated demo interactions (100k, then 1M) loaded into an empty graph by the
// real `ingest` command in its own process; prints interactions/s and that process's peak RSS, and the
// 1M / 100k ratios (throughput and memory should stay flat as the file grows). The peer, in the same
// run and on the same database: Neo4j's own LOAD CSV + MERGE of the same files into the same model
// (queries/cypher/bench/load-csv-*.cypher), which the local instance reads from its import folder.
// Goals (issue 3, 2-core machine): ≥ 25,000 interactions/s for 1M, peak RSS ≤ 512 MB.
// It empties the social graph of the Neo4j it uses: by default a local instance of its own
// ("bench-ingest" on port 7702), or the one CARECIRCLE_NEO4J_INSTANCE / NEO4J_URI names.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemo } from '../../ingest/demo/generate.ts';
import { localInstance } from '../../neo4j/local.ts';
import { connectionFromEnv, openDb } from '../../queries/connection.ts';
import { loadCypher } from '../../queries/cypher.ts';

if (!process.env.NEO4J_URI && !process.env.CARECIRCLE_NEO4J_INSTANCE) {
  process.env.CARECIRCLE_NEO4J_INSTANCE = 'bench-ingest';
  process.env.CARECIRCLE_NEO4J_PORT ??= '7702';
}
const root = fileURLToPath(new URL('../..', import.meta.url));
const out = path.join(root, 'tests/bench/out/ingest');
mkdirSync(out, { recursive: true });
const sizes = (process.env.BENCH_INGEST_SIZES ?? '100000,1000000').split(',').map(Number);

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/index.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Runs the ingest command and samples its peak resident set (VmHWM) until it exits. */
function ingest(files: string[]): Promise<{
  summary: { read: number; loaded: number; rejected: number; seconds: number };
  peakMb: number;
  wallS: number;
}> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'server/cli/index.ts',
        'ingest',
        '--json',
        '--rejects',
        path.join(out, 'rejects.jsonl'),
        ...files,
      ],
      { cwd: root },
    );
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        /* the process has just exited */
      }
    };
    const timer = setInterval(sample, 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`ingest exited ${code}: ${stderr.slice(-2000)}`));
      resolve({ summary: JSON.parse(stdout), peakMb: peakKb / 1024, wallS: (Date.now() - started) / 1000 });
    });
  });
}

/** Seconds Neo4j's LOAD CSV takes for the same files into an emptied graph; null with NEO4J_URI. */
async function loadCsvPeer(dir: string): Promise<number | null> {
  if (process.env.NEO4J_URI) return null;
  const importDir = path.join(localInstance().home, 'import');
  mkdirSync(importDir, { recursive: true });
  for (const f of ['accounts.csv', 'edges.csv']) copyFileSync(path.join(dir, f), path.join(importDir, f));
  cli(['reset', '--yes']);
  console.log('  peer: LOAD CSV of the same files…');
  const db = openDb(connectionFromEnv());
  try {
    const started = Date.now();
    await db.autoCommit(loadCypher('bench/load-csv-accounts'), { url: 'file:///accounts.csv' });
    await db.autoCommit(loadCypher('bench/load-csv-edges'), { url: 'file:///edges.csv' });
    return (Date.now() - started) / 1000;
  } finally {
    await db.close();
  }
}

cli(['db', 'start']);
interface Row {
  interactions: number;
  accounts: number;
  loadedInteractions: number;
  rejected: number;
  seconds: number;
  interactionsPerSecond: number;
  rowsPerSecond: number;
  peakRssMb: number;
  peerSeconds: number | null;
  peerInteractionsPerSecond: number | null;
}
const results: Row[] = [];
for (const interactions of sizes) {
  const dir = path.join(out, `demo-${interactions}`);
  const accounts = Math.max(2000, Math.round(interactions / 20));
  if (!existsSync(path.join(dir, 'edges.csv')))
    await generateDemo({ outDir: dir, accounts, interactions, seed: 1 });
  cli(['reset', '--yes']);
  console.log(
    `loading ${interactions.toLocaleString('en-US')} interactions (${accounts.toLocaleString('en-US')} accounts)…`,
  );
  const r = await ingest([path.join(dir, 'accounts.csv'), path.join(dir, 'edges.csv')]);
  const stats = JSON.parse(cli(['stats', '--json'])) as { interactions: Record<string, number> };
  const loadedInteractions = Object.values(stats.interactions).reduce((a, b) => a + b, 0);
  const row: Row = {
    interactions,
    accounts,
    loadedInteractions,
    rejected: r.summary.rejected,
    seconds: Math.round(r.wallS * 10) / 10,
    interactionsPerSecond: Math.round(interactions / r.wallS),
    rowsPerSecond: Math.round(r.summary.read / r.wallS),
    peakRssMb: Math.round(r.peakMb),
    peerSeconds: null,
    peerInteractionsPerSecond: null,
  };
  const peer = await loadCsvPeer(dir);
  if (peer !== null) {
    row.peerSeconds = Math.round(peer * 10) / 10;
    row.peerInteractionsPerSecond = Math.round(interactions / peer);
  }
  results.push(row);
  console.log(row);
}

const [small, big] = [results[0], results[results.length - 1]];
console.log('\ninteractions   interactions/s   peak RSS (MB)   LOAD CSV peer/s   ours ÷ peer');
for (const r of results) {
  const peer = r.peerInteractionsPerSecond;
  console.log(
    `${String(r.interactions).padStart(12)}   ${String(r.interactionsPerSecond).padStart(14)}   ${String(r.peakRssMb).padStart(13)}   ${String(peer ?? '—').padStart(15)}   ${peer ? (r.interactionsPerSecond / peer).toFixed(2).padStart(11) : '—'.padStart(11)}`,
  );
}
if (small && big && small !== big) {
  console.log(
    `ratio ${big.interactions}/${small.interactions}: throughput ×${(big.interactionsPerSecond / small.interactionsPerSecond).toFixed(2)}, peak RSS ×${(big.peakRssMb / small.peakRssMb).toFixed(2)}`,
  );
}
if (big) {
  console.log(
    `goals: ≥ 25,000 interactions/s → ${big.interactionsPerSecond >= 25_000 ? 'met' : 'NOT met'}; peak RSS ≤ 512 MB → ${big.peakRssMb <= 512 ? 'met' : 'NOT met'}`,
  );
}
writeFileSync(path.join(out, 'results.json'), JSON.stringify(results, null, 2));
