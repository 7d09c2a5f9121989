// File → source → validation → batches → Neo4j. Each file is read as a stream; each row becomes a unit
// of canonical records checked against queries/model.ts, or a reject. Units are written in batches, one
// transaction each, while the next batch is parsed. A unit can still be refused when its batch is
// written (a post claimed by another author than the stored one). The summary reconciles:
// read = loaded + duplicates + rejected.
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Db } from '../queries/db.ts';
import { CanonicalRecord } from '../queries/model.ts';
import { detectFormat, isGzip, readSample, UnrecognisedFormatError, type Format } from './detect.ts';
import type { BatchWriter, Unit } from './decide.ts';
import { Loader } from './tx-writer.ts';
import type { RejectsFile } from './rejects.ts';
import { clip, type Source } from './sources/source.ts';
import { csv } from './sources/csv.ts';
import { jsonl } from './sources/jsonl.ts';
import { xV2 } from './sources/x-v2.ts';
import { mastodon } from './sources/mastodon.ts';
import { bluesky } from './sources/bluesky.ts';
import { graphml } from './sources/graphml.ts';
import { gexf } from './sources/gexf.ts';

const sources: Record<Format, Source> = { csv, jsonl, 'x-v2': xV2, mastodon, bluesky, graphml, gexf };

/** How far a load is, for a progress display (the command line draws it: cli/progress/ingest.ts). */
export interface ProgressState {
  bytesRead: number;
  bytesTotal: number;
  read: number;
  started: number;
}

/** Rows per transaction: about 10k rows a transaction keeps Neo4j's commits few without large ones. */
export const DEFAULT_BATCH = 10_000;
/** Rows decided at a time by `ingest --bulk`: no transaction to amortise, and a batch's short-lived
 * objects then die young instead of reaching the old generation (1M rows: 33 s and 428 MB peak at
 * 10k, 31 s and 405 MB at 2k). */
export const BULK_BATCH = 2_000;

export interface IngestOptions {
  format: Format | 'auto';
  batchSize: number;
  dryRun: boolean;
  rejects: RejectsFile;
  onProgress?: (s: ProgressState) => void;
  log?: (line: string) => void;
  /** Where batches go instead of Neo4j transactions (ingest --bulk: ingest/bulk/store.ts). */
  writer?: BatchWriter;
}

export interface FileSummary {
  file: string;
  format: Format | null;
  read: number;
  loaded: number;
  duplicates: number;
  rejected: number;
}

export interface Summary {
  files: FileSummary[];
  read: number;
  loaded: number;
  duplicates: number;
  rejected: number;
  unresolved: number;
  seconds: number;
  rowsPerSecond: number;
  dryRun: boolean;
  rejectsFile: string | null;
}

function readHead(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(2);
    return b.subarray(0, readSync(fd, b, 0, 2, 0));
  } finally {
    closeSync(fd);
  }
}

export function validate(
  records: unknown[],
): { ok: true; records: CanonicalRecord[] } | { ok: false; reason: string } {
  const out: CanonicalRecord[] = [];
  for (const r of records) {
    const parsed = CanonicalRecord.safeParse(r);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length ? issue.path.join('.') : 'record';
      return { ok: false, reason: `${where}: ${issue.message}` };
    }
    out.push(parsed.data);
  }
  return { ok: true, records: out };
}

export async function ingestFiles(db: Db | null, files: string[], opts: IngestOptions): Promise<Summary> {
  const started = Date.now();
  const state: ProgressState = {
    bytesRead: 0,
    bytesTotal: files.reduce((n, f) => n + statSync(f).size, 0),
    read: 0,
    started,
  };
  const summaries: FileSummary[] = [];
  let unresolved = 0;
  // One write in flight at a time while the next batch is parsed: overlap without competing transactions.
  let inFlight: Promise<void> = Promise.resolve();
  const loader = opts.writer ?? (db ? new Loader(db) : null);

  for (const file of files) {
    const fs: FileSummary = { file, format: null, read: 0, loaded: 0, duplicates: 0, rejected: 0 };
    summaries.push(fs);
    const write = async (line: number, reason: string, raw: string) => {
      fs.rejected += 1;
      await opts.rejects.write({ file, line, reason, raw });
    };
    // Rows refused while parsing wait for the batch in flight, whose own refusals come first: the
    // rejects file then has the same order however long the writes take (the --bulk path writes the
    // same file as the transactional one).
    const reject = async (line: number, reason: string, raw: string) => {
      await inFlight;
      await write(line, reason, raw);
    };
    let format: Format | null;
    try {
      format = opts.format === 'auto' ? detectFormat(readSample(file), file) : opts.format;
    } catch (err) {
      if (!(err instanceof UnrecognisedFormatError)) throw err;
      // A file that is not an export at all is one reject: the other files still load.
      fs.read = 1;
      state.read += 1;
      await reject(0, err.message, clip(readSample(file).toString('latin1'), 200));
      opts.log?.(`refused ${err.message}`);
      continue;
    }
    fs.format = format;
    if (format === null) {
      opts.log?.(`${file} is empty: nothing to load`);
      continue;
    }
    const source = sources[format];

    const counter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        state.bytesRead += chunk.length;
        cb(null, chunk);
      },
    });
    const input = createReadStream(file);
    input.on('error', (err) => counter.destroy(err));
    input.pipe(counter);
    // Progress counts the bytes of the file itself, compressed or not.
    let content: Readable = counter;
    if (isGzip(readHead(file))) {
      const gunzip = createGunzip();
      counter.on('error', (err) => gunzip.destroy(err));
      content = counter.pipe(gunzip);
    }

    let batch: Unit[] = [];
    const flush = async () => {
      const units = batch;
      batch = [];
      await inFlight;
      if (opts.dryRun || !loader) {
        fs.loaded += units.length;
        return;
      }
      inFlight = loader.write(units).then(async ({ changed, rejected }) => {
        for (const { u, reason } of rejected) {
          const unit = units[u]!;
          await write(unit.line, reason, unit.raw ?? clip(JSON.stringify(unit.records)));
        }
        fs.loaded += changed.size;
        fs.duplicates += units.length - changed.size - rejected.length;
        opts.onProgress?.(state);
      });
      // Surface a failed write at once rather than after parsing the next batch.
      inFlight.catch(() => {});
    };

    for await (const item of source(content, { file })) {
      fs.read += 1;
      state.read += 1;
      if ('reject' in item) {
        await reject(item.line, item.reject, item.raw);
        continue;
      }
      const v = validate(item.records);
      if (!v.ok) {
        await reject(item.line, v.reason, clip(item.raw ?? JSON.stringify(item.records)));
        continue;
      }
      unresolved += item.unresolved ?? 0;
      if (item.note) opts.log?.(`${file} line ${item.line}: accepted, nothing to load: ${item.note}`);
      // The raw text is kept only as far as a reject would show it; CSV gives its line ending too.
      const unit: Unit = { records: v.records, line: item.line };
      if (item.raw !== undefined) unit.raw = clip(item.raw.replace(/\r?\n$/, ''));
      batch.push(unit);
      if (batch.length >= opts.batchSize) await flush();
      if (state.read % 1000 === 0) opts.onProgress?.(state);
    }
    if (batch.length) await flush();
    await inFlight;
    opts.onProgress?.(state);
  }
  await inFlight;

  const seconds = (Date.now() - started) / 1000;
  const sum = (k: 'read' | 'loaded' | 'duplicates' | 'rejected') => summaries.reduce((n, f) => n + f[k], 0);
  const read = sum('read');
  return {
    files: summaries,
    read,
    loaded: sum('loaded'),
    duplicates: sum('duplicates'),
    rejected: sum('rejected'),
    unresolved,
    seconds: Math.round(seconds * 1000) / 1000,
    rowsPerSecond: seconds > 0 ? Math.round(read / seconds) : read,
    dryRun: opts.dryRun,
    rejectsFile: opts.rejects.count > 0 ? opts.rejects.path : null,
  };
}
