// --format auto: the format is read from the first bytes of the content, never from the file name
// alone (exports are often saved as .json or .txt whatever they hold).
import { openSync, readSync, closeSync } from 'node:fs';
import { constants, gunzipSync } from 'node:zlib';

export const FORMATS = ['csv', 'jsonl', 'x-v2', 'mastodon', 'bluesky', 'graphml', 'gexf'] as const;
export type Format = (typeof FORMATS)[number];

export class UnrecognisedFormatError extends Error {
  override name = 'UnrecognisedFormatError';
}

const SAMPLE = 64 * 1024;

/** gzip's magic bytes: the collector's archives (collect/archive.ts) are gzip JSON Lines. */
export const isGzip = (head: Buffer) => head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;

/** The first bytes of a file's content (of what it decompresses to, for a gzip file). */
export function readSample(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(SAMPLE);
    const n = readSync(fd, buf, 0, SAMPLE, 0);
    const head = buf.subarray(0, n);
    if (!isGzip(head)) return head;
    // A partial stream: sync-flush decompresses what is there instead of failing at the cut.
    try {
      return gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH }).subarray(0, SAMPLE);
    } catch {
      return head;
    }
  } finally {
    closeSync(fd);
  }
}

/** True when the sample holds NUL bytes or is mostly not text: images, archives, databases. */
function looksBinary(sample: Buffer): boolean {
  if (sample.includes(0)) return true;
  const text = sample.toString('utf8');
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  return bad > 8 && bad / Math.max(text.length, 1) > 0.01;
}

/** Returns the format, null for an empty file, or throws saying what it looked for. */
export function detectFormat(sample: Buffer, file: string): Format | null {
  if (looksBinary(sample)) {
    throw new UnrecognisedFormatError(
      `${file} is binary, not a text export (CSV, JSON, JSON Lines, GraphML, GEXF)`,
    );
  }
  const text = sample.toString('utf8').replace(/^\uFEFF/, '');
  const head = text.trimStart();
  if (head === '') return null;
  if (head.startsWith('<')) {
    if (/<gexf[\s>]/.test(head)) return 'gexf';
    if (/<graphml[\s>]/.test(head)) return 'graphml';
    throw new UnrecognisedFormatError(`${file} is XML but has neither a <graphml> nor a <gexf> root`);
  }
  if (head.startsWith('{') || head.startsWith('[')) {
    const archived = /^\{\s*"__carecircle"\s*:\s*\{\s*"platform"\s*:\s*"(mastodon|bluesky|x-v2)"/.exec(head);
    if (archived) return archived[1] as Format;
    if (/"at:\/\/did:|"did:plc:|"did:web:|"\$type"\s*:\s*"app\.bsky\./.test(head)) return 'bluesky';
    if (/"in_reply_to_account_id"|"reblogs_count"|"acct"\s*:/.test(head)) return 'mastodon';
    if (/"author_id"|"__twarc"|"edit_history_tweet_ids"|"public_metrics"|"includes"\s*:\s*\{/.test(head))
      return 'x-v2';
    if (/^\{\s*"kind"\s*:\s*"(account|post|follow)"/.test(head)) return 'jsonl';
    throw new UnrecognisedFormatError(
      `${file} is JSON but not a known export: looked for Bluesky (at:// URIs, DIDs, app.bsky types), ` +
        'Mastodon (acct, reblogs_count, in_reply_to_account_id), X API v2 (author_id, includes, __twarc) ' +
        'and canonical JSON Lines ({"kind":"account"|"post"|"follow"})',
    );
  }
  const firstLine = (head.split(/\r?\n/, 1)[0] ?? '').toLowerCase();
  const cols = firstLine.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  if ((cols.includes('source') && cols.includes('target')) || cols.includes('id')) return 'csv';
  throw new UnrecognisedFormatError(
    `${file}: format not recognised: looked for a CSV header with source,target or id, JSON (X API v2, ` +
      `Mastodon, Bluesky, canonical JSON Lines), GraphML or GEXF; the file starts with "${firstLine.slice(0, 60)}"`,
  );
}
