// The canonical CSV (DESIGN.md): `edges.csv` (source,target[,type,timestamp,post_id,hashtags,weight,
// platform,text]) and `accounts.csv` (id[,handle,name,bio,location,followers,following,verified,platform,
// url,lat,lon]). The header says which one a file is. Parsed as a stream by csv-parse; a row that
// cannot be parsed (bad quoting, too long) is a reject and parsing goes on.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { accountId, InteractionType, normaliseHashtag } from '../../queries/model.ts';
import { clip, type SourceContext, type SourceItem } from './source.ts';

// Far above any real row; only guards memory against a file that is one endless quoted field.
const MAX_RECORD = 64 * 1024 * 1024;

type Row = Record<string, string | undefined>;

class RowError extends Error {}

function field(row: Row, name: string): string | undefined {
  const v = row[name]?.trim();
  return v ? v : undefined;
}

function platformOf(row: Row): string {
  const p = (field(row, 'platform') ?? 'csv').toLowerCase();
  if (!/^[a-z][a-z0-9-]{0,31}$/.test(p)) throw new RowError(`platform "${p}" is not a platform name`);
  return p;
}

function wholeNumber(row: Row, name: string): number | undefined {
  const v = field(row, name);
  if (v === undefined) return undefined;
  const n = Number(v.replace(/[,_ ]/g, ''));
  if (!Number.isInteger(n) || n < 0)
    throw new RowError(`${name} must be a whole number, got "${clip(v, 50)}"`);
  return n;
}

function bool(row: Row, name: string): boolean | undefined {
  const v = field(row, name)?.toLowerCase();
  if (v === undefined) return undefined;
  if (['true', '1', 'yes', 'y', 't'].includes(v)) return true;
  if (['false', '0', 'no', 'n', 'f'].includes(v)) return false;
  throw new RowError(`${name} must be true or false, got "${clip(v, 50)}"`);
}

export function splitHashtags(v: string | undefined): string[] {
  if (!v) return [];
  const out: string[] = [];
  for (const part of v.split(/[\s,;]+/)) {
    const tag = normaliseHashtag(part);
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

/** A row without post_id is keyed by (source, target, type, timestamp): the same row twice is one post. */
export function syntheticPostId(platform: string, source: string, target: string, type: string, ts: string) {
  const h = createHash('sha1').update([source, target, type, ts].join('\u0000')).digest('hex').slice(0, 24);
  return `${platform}:row-${h}`;
}

export function edgeRecords(row: Row): unknown[] {
  const platform = platformOf(row);
  const src = field(row, 'source');
  const tgt = field(row, 'target');
  if (!src) throw new RowError('source is required');
  if (!tgt) throw new RowError('target is required');
  const source = accountId(platform, src);
  const target = accountId(platform, tgt);
  const typeText = (field(row, 'type') ?? 'mention').toLowerCase();
  const type = InteractionType.safeParse(typeText);
  if (!type.success)
    throw new RowError(`type must be mention, reply, repost, quote or follow, got "${clip(typeText, 50)}"`);
  if (source === target)
    throw new RowError('source and target are the same account (self-interactions are not counted)');
  const ts = field(row, 'timestamp');
  if (ts !== undefined && Number.isNaN(Date.parse(ts)))
    throw new RowError(`timestamp must be ISO 8601, got "${clip(ts, 50)}"`);
  const weightText = field(row, 'weight');
  const weight = weightText === undefined ? 1 : Number(weightText);
  if (!Number.isFinite(weight) || weight <= 0)
    throw new RowError(`weight must be a positive number, got "${clip(weightText ?? '', 50)}"`);
  if (type.data === 'follow') return [{ kind: 'follow', source, target }];
  const postId = field(row, 'post_id');
  return [
    {
      kind: 'post',
      id: postId
        ? accountId(platform, postId)
        : syntheticPostId(platform, source, target, type.data, ts ?? ''),
      platform,
      author: source,
      createdAt: ts,
      hashtags: splitHashtags(field(row, 'hashtags')),
      text: field(row, 'text'),
      interactions: [{ type: type.data, target, weight }],
    },
  ];
}

function accountRecords(row: Row): unknown[] {
  const platform = platformOf(row);
  const id = field(row, 'id');
  if (!id) throw new RowError('id is required');
  return [
    {
      kind: 'account',
      id: accountId(platform, id),
      platform,
      handle: field(row, 'handle')?.replace(/^@/, ''),
      name: field(row, 'name'),
      bio: field(row, 'bio'),
      location: field(row, 'location'),
      followers: wholeNumber(row, 'followers'),
      following: wholeNumber(row, 'following'),
      verified: bool(row, 'verified'),
      url: field(row, 'url'),
    },
  ];
}

export async function* csv(input: Readable, _ctx: SourceContext): AsyncGenerator<SourceItem> {
  // A row csv-parse cannot read is reported while it parses, ahead of the records it has queued for
  // this loop: each is kept with the number of records before it, and given out in its place, so
  // rejects come in line order among the loaded rows.
  const skipped: { after: number; item: SourceItem }[] = [];
  let taken = 0;
  // Records come as arrays and are named here: csv-parse's own `columns` defines each property with
  // Object.defineProperty, which leaves every row a slow dictionary object (~6% of a --bulk prepare).
  const parser = parse({
    bom: true,
    info: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD,
    skip_records_with_error: true,
  });
  parser.on('skip', (err: Error & { lines?: number; raw?: string }) => {
    skipped.push({
      after: parser.info.records,
      item: {
        line: err.lines ?? 0,
        reject: `not a valid CSV row (${err.message})`,
        raw: clip(err.raw ?? ''),
      },
    });
  });
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  let kind: 'edges' | 'accounts' | undefined;
  let cols: string[] = [];
  for await (const rec of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
    raw: string;
  }>) {
    while (skipped.length && skipped[0]!.after <= taken) yield skipped.shift()!.item;
    taken += 1;
    const line = rec.info.lines;
    if (!kind) {
      cols = rec.record.map((h) =>
        h
          .trim()
          .replace(/^\uFEFF/, '')
          .toLowerCase(),
      );
      if (cols.includes('source') && cols.includes('target')) kind = 'edges';
      else if (cols.includes('id')) kind = 'accounts';
      else {
        throw new Error(
          `${_ctx.file}: the CSV header needs source,target (edges.csv) or id (accounts.csv); found ${cols.join(',')}`,
        );
      }
      continue;
    }
    // Fields beyond the header are ignored; a short row lacks the last columns; a repeated column
    // name keeps its last field.
    const row: Row = {};
    for (let i = 0; i < cols.length && i < rec.record.length; i++) row[cols[i]!] = rec.record[i];
    try {
      const records = kind === 'edges' ? edgeRecords(row) : accountRecords(row);
      yield { line, records, raw: rec.raw };
    } catch (err) {
      if (!(err instanceof RowError)) throw err;
      yield { line, reject: err.message, raw: clip(rec.raw.replace(/\r?\n$/, '')) };
    }
  }
  for (const s of skipped) yield s.item;
}
