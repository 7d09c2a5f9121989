// Raw pages as they came, one gzip JSON Lines file per watch and day (UTC):
// <dir>/<watch>/<YYYY-MM-DD>.jsonl.gz. Each page is appended as its own gzip member, synchronously and
// before its batch is written, so a killed run loses nothing it committed. `ingest` reads these files
// (gzip, and the envelope of ingest/sources/envelope.ts), so a collection replays into a fresh database.
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Envelope } from '../ingest/sources/envelope.ts';

const DEFAULT_ARCHIVE_DIR = 'data/collect';

export function archiveDirFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  const v = env.CARECIRCLE_COLLECT_ARCHIVE;
  if (v === 'off') return null;
  return v || DEFAULT_ARCHIVE_DIR;
}

function archiveFile(dir: string, watch: string, at: Date): string {
  return path.join(dir, watch, `${at.toISOString().slice(0, 10)}.jsonl.gz`);
}

export function appendPage(dir: string, watch: string, page: Envelope, at: Date): string {
  const file = archiveFile(dir, watch, at);
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, gzipSync(JSON.stringify(page) + '\n'));
  return file;
}
