// `npm run bench:ingest`: generated demo interactions (100k, then 1M) loaded into an empty graph by the
// real `ingest` command in its own process; prints interactions/s and that process's peak RSS, and the
// 1M / 100k ratios (throughput and memory should stay flat as the file grows). The peer, in the same
// run and on the same database: Neo4j's own LOAD CSV + MERGE of the same files into the same model
// (tests/bench/cypher/load-csv-*.cypher: bench code, so not in the app's queries/), which the local
// instance reads from its import folder.
// The same files also go through `ingest --bulk` (neo4j-admin import) into an emptied database: its
// interactions/s are the wall clock of the whole command (parse, stop, import, start, schema), with the
// peak RSS of the Node process and of the admin JVM, and its ratios to the peer and the transactional
// path. BENCH_INGEST_MODES (default bulk,transactional,peer) picks the runs, e.g. `bulk` while iterating.
// Goals (issue 3, 2-core machine): ≥ 25,000 interactions/s for 1M, peak RSS ≤ 512 MB.
// It empties the social graph of the Neo4j it uses: by default a local instance of its own
// ("bench-ingest" on port 7702), or the one CARECIRCLE_NEO4J_INSTANCE / NEO4J_URI names.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemo } from '../../ingest/demo/generate.ts';
import { localInstance } from '../../neo4j/instance.ts';
import { connectionFromEnv, openDb } from '../../queries/connection.ts';
import type { Statement } from '../../queries/cypher.ts';

if (!process.env.NEO4J_URI && !process.env.CARECIRCLE_NEO4J_INSTANCE) {
  process.env.CARECIRCLE_NEO4J_INSTANCE = 'bench-ingest';
  process.env.CARECIRCLE_NEO4J_PORT ??= '7702';
}
const root = fileURLToPath(new URL('../..', import.meta.url));
const out = path.join(root, 'tests/bench/out/ingest');
mkdirSync(out, { recursive: true });
const sizes = (process.env.BENCH_INGEST_SIZES ?? '100000,1000000').split(',').map(Number);
const modes = new Set((process.env.BENCH_INGEST_MODES ?? 'bulk,transactional,peer').split(','));
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/index.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Runs the ingest command and samples its peak resident set (VmHWM) until it exits. */
interface IngestRun {
  summary: {
    read: number;
    loaded: number;
    rejected: number;
    seconds: number;
    bulk?: { phases: Record<string, number>; importPeakRssMb: number | null; importHeap: string };
  };
  peakMb: number;
  wallS: number;
}
function ingest(files: string[], extra: string[] = []): Promise<IngestRun> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'cli/index.ts',
        'ingest',
        '--json',
        '--rejects',
        path.join(out, 'rejects.jsonl'),
        ...extra,
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

/** The peer's own Cypher, from tests/bench/cypher/. */
function peerStatement(name: string): Statement {
  const file = fileURLToPath(new URL(`./cypher/${name}.cypher`, import.meta.url));
  return { name: `bench/${name}`, text: readFileSync(file, 'utf8').trim() };
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
    await db.autoCommit(peerStatement('load-csv-accounts'), { url: 'file:///accounts.csv' });
    await db.autoCommit(peerStatement('load-csv-edges'), { url: 'file:///edges.csv' });
    return (Date.now() - started) / 1000;
  } finally {
    await db.close();
  }
}

cli(['db', 'start']);
interface Row {
  interactions: number;
  accounts: number;
  load: string;
  transactional: {
    loadedInteractions: number;
    rejected: number;
    seconds: number;
    interactionsPerSecond: number;
    peakRssMb: number;
  } | null;
  bulk: {
    loadedInteractions: number;
    rejected: number;
    seconds: number;
    interactionsPerSecond: number;
    peakRssMb: number;
    importPeakRssMb: number | null;
    importHeap: string;
    phases: Record<string, number>;
  } | null;
  peerSeconds: number | null;
  peerInteractionsPerSecond: number | null;
}

function loadedInteractions(): number {
  const stats = JSON.parse(cli(['stats', '--json'])) as { interactions: Record<string, number> };
  return Object.values(stats.interactions).reduce((a, b) => a + b, 0);
}

const results: Row[] = [];
for (const interactions of sizes) {
  const dir = path.join(out, `demo-${interactions}`);
  const accounts = Math.max(2000, Math.round(interactions / 20));
  if (!existsSync(path.join(dir, 'edges.csv')))
    await generateDemo({ outDir: dir, accounts, interactions, seed: 1 });
  const files = [path.join(dir, 'accounts.csv'), path.join(dir, 'edges.csv')];
  const row: Row = {
    interactions,
    accounts,
    load: load(),
    transactional: null,
    bulk: null,
    peerSeconds: null,
    peerInteractionsPerSecond: null,
  };
  const n = interactions.toLocaleString('en-US');
  // What both paths report from one run of the command.
  const figures = (r: Awaited<ReturnType<typeof ingest>>) => ({
    loadedInteractions: loadedInteractions(),
    rejected: r.summary.rejected,
    seconds: Math.round(r.wallS * 10) / 10,
    interactionsPerSecond: Math.round(interactions / r.wallS),
    peakRssMb: Math.round(r.peakMb),
  });
  if (modes.has('bulk')) {
    // --bulk loads an empty database only.
    cli(['reset', '--yes', '--all']);
    console.log(`bulk: ${n} interactions (${accounts.toLocaleString('en-US')} accounts), load ${load()}…`);
    const r = await ingest(files, ['--bulk']);
    row.bulk = {
      ...figures(r),
      importPeakRssMb: r.summary.bulk?.importPeakRssMb ?? null,
      importHeap: r.summary.bulk?.importHeap ?? '',
      phases: r.summary.bulk?.phases ?? {},
    };
  }
  if (modes.has('transactional')) {
    cli(['reset', '--yes']);
    console.log(`transactional: ${n} interactions, load ${load()}…`);
    row.transactional = figures(await ingest(files));
  }
  if (modes.has('peer')) {
    const peer = await loadCsvPeer(dir);
    if (peer !== null) {
      row.peerSeconds = Math.round(peer * 10) / 10;
      row.peerInteractionsPerSecond = Math.round(interactions / peer);
    }
  }
  row.load = `${row.load} → ${load()}`;
  results.push(row);
  console.log(JSON.stringify(row, null, 2));
}

const cell = (v: number | string | null | undefined, w: number) => String(v ?? '—').padStart(w);
const ratio = (a: number | undefined, b: number | null | undefined) => (a && b ? (a / b).toFixed(2) : null);
console.log(
  '\ninteractions   path            interactions/s   peak RSS MB   admin JVM MB   ÷ LOAD CSV peer   ÷ transactional',
);
for (const r of results) {
  const peer = r.peerInteractionsPerSecond;
  const tx = r.transactional?.interactionsPerSecond;
  if (r.transactional) {
    console.log(
      `${cell(r.interactions, 12)}   transactional   ${cell(tx, 14)}   ${cell(r.transactional.peakRssMb, 11)}   ${cell(null, 12)}   ${cell(ratio(tx, peer), 15)}   ${cell(null, 15)}`,
    );
  }
  if (r.bulk) {
    const b = r.bulk.interactionsPerSecond;
    console.log(
      `${cell(r.interactions, 12)}   bulk            ${cell(b, 14)}   ${cell(r.bulk.peakRssMb, 11)}   ${cell(r.bulk.importPeakRssMb, 12)}   ${cell(ratio(b, peer), 15)}   ${cell(ratio(b, tx), 15)}`,
    );
    console.log(
      `${' '.repeat(15)}bulk phases (s): ${JSON.stringify(r.bulk.phases)}, admin heap ${r.bulk.importHeap}`,
    );
    // What Neo4j's side takes whatever the parser does: the ceiling of this route on this machine.
    const p = r.bulk.phases;
    const neo4jSide = (p.import ?? 0) + (p.start ?? 0) + (p.schema ?? 0) + (p.finish ?? 0);
    if (neo4jSide > 0) {
      console.log(
        `${' '.repeat(15)}neo4j-admin import + restart + schema alone: ${neo4jSide.toFixed(1)} s, so even a parse that took no time would reach at most ${Math.round(r.interactions / neo4jSide)} interactions/s`,
      );
    }
  }
  console.log(`${' '.repeat(15)}LOAD CSV peer: ${peer ?? '—'} interactions/s; load average ${r.load}`);
}
const [small, big] = [results[0], results[results.length - 1]];
if (small && big && small !== big) {
  for (const k of ['transactional', 'bulk'] as const) {
    const a = small[k];
    const b = big[k];
    if (a && b) {
      console.log(
        `${k} ratio ${big.interactions}/${small.interactions}: throughput ×${(b.interactionsPerSecond / a.interactionsPerSecond).toFixed(2)}, peak RSS ×${(b.peakRssMb / a.peakRssMb).toFixed(2)}`,
      );
    }
  }
}
if (big) {
  for (const k of ['transactional', 'bulk'] as const) {
    const b = big[k];
    if (!b) continue;
    console.log(
      `goals (${k}, ${big.interactions}): ≥ 25,000 interactions/s → ${b.interactionsPerSecond >= 25_000 ? 'met' : 'NOT met'} (${b.interactionsPerSecond}); ` +
        `peak RSS ≤ 512 MB → ${b.peakRssMb <= 512 ? 'met' : 'NOT met'} (${b.peakRssMb})`,
    );
  }
}
writeFileSync(path.join(out, 'results.json'), JSON.stringify(results, null, 2));
