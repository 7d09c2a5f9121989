// Memory → Neo4j: batched UNWIND writes of about 10k rows per transaction, so a million accounts
// never need one huge transaction and a failed run leaves every written batch consistent (running
// analyze again rewrites everything).
import { loadCypher } from '../cypher.ts';
import type { Db } from '../db.ts';
import type { Place } from '../geo/resolve.ts';
import type { StoredAccountColumns } from '../account-columns.ts';

const BATCH = 10_000;

/**
 * One account's row of the write-back: its id and the analysis columns contract.ts lists, sent
 * column by column to cypher/analysis/write-accounts.cypher.
 */
export type AccountRow = { id: string } & StoredAccountColumns;

export interface CommunityRow {
  id: number;
  size: number;
  label: string | null;
  topHashtags: string[];
  topAccounts: string[];
  modularity: number;
  /** Mean best-match Jaccard with the communities other seeds find (stability.ts), 0..1. */
  stability: number;
  /** Stored map position of the community's super-node (layout.ts). */
  x: number | null;
  y: number | null;
}

export function placeColumns(place: Place | null) {
  return {
    placeName: place?.name ?? null,
    placeRegion: place?.region ?? null,
    placeCountry: place?.country ?? null,
    lat: place?.lat ?? null,
    lon: place?.lon ?? null,
  };
}

/** Writes rows in batches; `concurrency` transactions at once (different accounts never conflict). */
export async function writeBatches<T>(
  db: Db,
  statement: string,
  rows: T[],
  opts: { concurrency?: number; onBatch?: (written: number) => void; extra?: Record<string, unknown> } = {},
): Promise<void> {
  const stmt = loadCypher(statement);
  const batches: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) batches.push(rows.slice(i, i + BATCH));
  let written = 0;
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      await db.write(stmt, { rows: batch, ...opts.extra });
      written += batch.length;
      opts.onBatch?.(written);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 2) }, worker));
}

/**
 * Like writeBatches, but each batch goes as one list per column ($id, $community, …) instead of a
 * list of maps: the map keys are then not repeated on every row, which measured ~15% faster for the
 * 10k-row account batches (less to encode in Node and to decode in the server). The statement reads
 * row i as `$column[i]`.
 */
export async function writeColumns<T extends object>(
  db: Db,
  statement: string,
  rows: T[],
  opts: { concurrency?: number; onBatch?: (written: number) => void } = {},
): Promise<void> {
  const stmt = loadCypher(statement);
  const keys = rows.length > 0 ? (Object.keys(rows[0]!) as (keyof T & string)[]) : [];
  let written = 0;
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const from = next;
      next = Math.min(rows.length, next + BATCH);
      const columns: Record<string, unknown[]> = {};
      const count = next - from;
      for (const k of keys) {
        const values = new Array<unknown>(count);
        for (let i = from; i < next; i++) values[i - from] = rows[i]![k];
        columns[k] = values;
      }
      await db.write(stmt, columns);
      written += count;
      opts.onBatch?.(written);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 2) }, worker));
}

export async function writeCommunities(db: Db, rows: CommunityRow[], runId: string): Promise<void> {
  // Community nodes are few (one per community), so one transaction replaces them all at once and
  // readers never see half of one run and half of the next.
  await db.write(loadCypher('analysis/write-communities'), { rows, runId });
}
