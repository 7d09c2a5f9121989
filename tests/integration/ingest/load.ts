// Loads files the way the ingest command does, with rejects in a temporary file the test can read.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../../queries/db.ts';
import type { Format } from '../../../ingest/detect.ts';
import { ingestFiles, type Summary } from '../../../ingest/pipeline.ts';
import { RejectsFile, type Reject } from '../../../ingest/rejects.ts';

export const fixture = (p: string) => path.join('tests/fixtures/ingest', p);

export async function load(
  db: Db,
  files: string[],
  opts: { format?: Format | 'auto'; batchSize?: number } = {},
): Promise<Summary & { rejects: Reject[] }> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ingest-rejects-')), 'rejects.jsonl');
  const rejects = new RejectsFile(file);
  const summary = await ingestFiles(db, files, {
    format: opts.format ?? 'auto',
    batchSize: opts.batchSize ?? 10_000,
    dryRun: false,
    rejects,
  });
  await rejects.close();
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  return { ...summary, rejects: lines.map((l) => JSON.parse(l) as Reject) };
}
