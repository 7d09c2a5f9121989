// `ingest --bulk`: the initial load of an empty local database through `neo4j-admin database import
// full`, Neo4j's own route for large first loads (transactional writes top out near 5k rows/s on a
// small machine; the import tool writes store files directly). Phases:
//   1. parse & prepare — the same sources, validation, rejects and batch decisions as the normal
//      ingest (ingest/pipeline.ts with the in-memory BulkStore), written as import CSV files; the
//      instance is stopped meanwhile (Community edition cannot import into a live database);
//   2. neo4j-admin import — replaces the `neo4j` store;
//   3. restart — the instance is left running;
//   4. schema — constraints and indexes (queries/schema), populated from the imported data;
//   5. finish — the nodes an empty database still held (CarecircleMeta) are created again, and post
//      values that a later row filled in are set.
// Crash safety: a marker file in the instance folder says a bulk import is under way, and holds the
// nodes to keep. Run again after a kill, the command finds it, knows the "non-empty" database is its
// own half-finished import, and does the whole import again: the end state is that of one clean run.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { adminImport, adminImportMemory } from '../../neo4j/admin-import.ts';
import { localInstance, start, stop } from '../../neo4j/instance.ts';
import { connectionFromEnv, openDb } from '../../queries/connection.ts';
import {
  databaseOccupied,
  fillPosts,
  keptNodes,
  restoreKeptNodes,
  type KeptNode,
} from '../../queries/bulk.ts';
import type { Db } from '../../queries/db.ts';
import { applySchema } from '../../queries/schema.ts';
import { ingestFiles, type IngestOptions, type Summary } from '../pipeline.ts';
import { BulkStore } from './store.ts';

/** A bulk import that must not run (another server, a database holding data): bad usage, exit 2. */
export class BulkRefusedError extends Error {
  override name = 'BulkRefusedError';
}

export interface BulkReport {
  /** Seconds per phase; `stop` runs alongside `prepare`. */
  phases: { prepare: number; stop: number; import: number; start: number; schema: number; finish: number };
  nodes: number;
  relationships: number;
  importHeap: string;
  importOffHeap: string;
  /** Peak resident memory of the neo4j-admin JVM (sampled; null where /proc is missing). */
  importPeakRssMb: number | null;
  /** An interrupted bulk import was found and replaced. */
  resumed: boolean;
}

interface Marker {
  startedAt: string;
  keep: KeptNode[];
}

export function markerPath(home: string): string {
  return path.join(home, 'bulk-import.json');
}

function readMarker(home: string): Marker | null {
  const file = markerPath(home);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Marker;
  } catch {
    // Not ours to read (written whole by rename): still, an import was under way.
    return { startedAt: '', keep: [] };
  }
}

function sampleRss(pid: number, peak: { kb: number }): () => void {
  const read = () => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) peak.kb = Math.max(peak.kb, Number(m[1]));
    } catch {
      /* exited, or no /proc */
    }
  };
  read();
  const timer = setInterval(read, 200);
  return () => clearInterval(timer);
}

async function withLocalDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const db = openDb(connectionFromEnv(), undefined, 60_000);
  try {
    await db.serverInfo();
    return await work(db);
  } finally {
    await db.close();
  }
}

export async function bulkIngest(
  files: string[],
  opts: IngestOptions,
): Promise<Summary & { bulk: BulkReport }> {
  const log = opts.log ?? (() => {});
  if (process.env.NEO4J_URI) {
    throw new BulkRefusedError(
      `--bulk imports into the project's own local Neo4j only (it stops it and replaces its store files); NEO4J_URI points at ${process.env.NEO4J_URI}: load with the normal ingest (without --bulk)`,
    );
  }
  const started = Date.now();
  const inst = localInstance();
  const quiet = { log: () => {} };
  let marker = readMarker(inst.home);
  const resumed = marker !== null;
  if (marker) {
    log(`bulk: a bulk import started ${marker.startedAt || 'earlier'} did not finish; importing again`);
  } else {
    await start(inst, { log });
    marker = await withLocalDb(async (db) => {
      if (await databaseOccupied(db)) {
        throw new BulkRefusedError(
          `the database of the local Neo4j "${inst.name}" is not empty: --bulk loads an empty database only (it replaces the store). ` +
            'Load with the normal ingest (without --bulk), or empty it first with `npm run cli -- reset --yes --all`',
        );
      }
      return { startedAt: new Date().toISOString(), keep: await keptNodes(db) };
    });
    // Written whole or not at all (rename), so a kill cannot leave half a list of nodes to keep.
    writeFileSync(`${markerPath(inst.home)}.tmp`, JSON.stringify(marker));
    renameSync(`${markerPath(inst.home)}.tmp`, markerPath(inst.home));
  }

  const phases: BulkReport['phases'] = { prepare: 0, stop: 0, import: 0, start: 0, schema: 0, finish: 0 };
  const secs = (since: number) => Math.round((Date.now() - since) / 100) / 10;
  const workDir = path.join(inst.home, 'bulk');
  rmSync(workDir, { recursive: true, force: true });

  // The store is replaced anyway: stopping runs while the files are parsed.
  const stopStarted = Date.now();
  const stopping = stop(inst, quiet).then(
    () => void (phases.stop = secs(stopStarted)),
    (err: unknown) => err,
  );
  let t = Date.now();
  log('bulk: parse & prepare (Neo4j stops meanwhile)');
  const store = new BulkStore(workDir);
  let summary: Summary;
  let input: Awaited<ReturnType<BulkStore['finish']>>;
  try {
    summary = await ingestFiles(null, files, { ...opts, dryRun: false, writer: store });
    input = await store.finish();
  } catch (err) {
    // Nothing was imported: the database is as it was. Unless it holds an interrupted import, it
    // goes back to running and the marker goes.
    await stopping;
    if (!resumed) {
      await start(inst, quiet);
      rmSync(markerPath(inst.home), { force: true });
    }
    throw err;
  }
  phases.prepare = secs(t);
  log(
    `bulk: parsed and prepared in ${phases.prepare} s: ${input.nodeCount} nodes, ${input.relationshipCount} relationships`,
  );
  const stopError = await stopping;
  if (stopError) throw stopError;

  t = Date.now();
  const memory = adminImportMemory();
  log(`bulk: neo4j-admin import (heap ${memory.heap}, off-heap ${memory.offHeap})…`);
  const peak = { kb: 0 };
  let stopSampling = () => {};
  try {
    await adminImport(inst, input, { log, onSpawn: (pid) => (stopSampling = sampleRss(pid, peak)) });
  } finally {
    stopSampling();
  }
  phases.import = secs(t);
  log(`bulk: imported in ${phases.import} s`);

  t = Date.now();
  await start(inst, quiet);
  phases.start = secs(t);
  log(`bulk: Neo4j started in ${phases.start} s`);

  await withLocalDb(async (db) => {
    t = Date.now();
    await applySchema(db);
    phases.schema = secs(t);
    log(`bulk: constraints and indexes built in ${phases.schema} s`);
    t = Date.now();
    await restoreKeptNodes(db, marker.keep);
    await fillPosts(db, store.postFills);
  });
  rmSync(markerPath(inst.home), { force: true });
  rmSync(workDir, { recursive: true, force: true });
  phases.finish = secs(t);

  const seconds = (Date.now() - started) / 1000;
  return {
    ...summary,
    seconds: Math.round(seconds * 1000) / 1000,
    rowsPerSecond: seconds > 0 ? Math.round(summary.read / seconds) : summary.read,
    bulk: {
      phases,
      nodes: input.nodeCount + marker.keep.length,
      relationships: input.relationshipCount,
      importHeap: memory.heap,
      importOffHeap: memory.offHeap,
      importPeakRssMb: peak.kb ? Math.round(peak.kb / 1024) : null,
      resumed,
    },
  };
}
