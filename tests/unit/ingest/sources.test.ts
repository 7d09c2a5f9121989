import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { detectFormat, UnrecognisedFormatError } from '../../../ingest/detect.ts';
import { csv, edgeRecords, syntheticPostId } from '../../../ingest/sources/csv.ts';
import { jsonValues } from '../../../ingest/sources/json.ts';
import { didOfUri } from '../../../ingest/sources/bluesky.ts';
import { mastodonAccountId } from '../../../ingest/sources/mastodon.ts';
import { xValue } from '../../../ingest/sources/x-v2.ts';
import { generateDemo } from '../../../ingest/demo/generate.ts';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const detect = (s: string | Buffer) => detectFormat(Buffer.isBuffer(s) ? s : Buffer.from(s), 'f');

describe('--format auto', () => {
  it('recognises each format from its content', () => {
    expect(detect('source,target,type\na,b,mention\n')).toBe('csv');
    expect(detect('\uFEFFid,handle\n1,x\n')).toBe('csv');
    expect(detect('{"kind":"account","id":"csv:1","platform":"csv"}\n')).toBe('jsonl');
    expect(detect('{"data": [{"id": "1", "text": "hi", "author_id": "2"}]}')).toBe('x-v2');
    expect(detect('[{"id": "1", "account": {"acct": "a"}, "reblogs_count": 0}]')).toBe('mastodon');
    expect(detect('{"feed": [{"post": {"uri": "at://did:plc:x/app.bsky.feed.post/1"}}]}')).toBe('bluesky');
    expect(detect('<?xml version="1.0"?><graphml xmlns="x"><graph/></graphml>')).toBe('graphml');
    expect(detect('<?xml version="1.0"?>\n<gexf version="1.3"></gexf>')).toBe('gexf');
    expect(detect('   \n')).toBeNull();
  });

  it('refuses what it cannot recognise, saying what it looked for', () => {
    expect(() => detect(Buffer.from([0x50, 0x4b, 3, 4, 0, 0]))).toThrow(/binary/);
    expect(() => detect('{"hello": "world"}')).toThrow(/looked for Bluesky .* Mastodon .* X API v2/);
    expect(() => detect('<html></html>')).toThrow(UnrecognisedFormatError);
    expect(() => detect('a;b;c\n')).toThrow(/source,target or id/);
  });
});

describe('canonical CSV rows', () => {
  it('default to a mention of weight 1 and key rows without post_id by their content', () => {
    const [r] = edgeRecords({ source: 'a', target: 'b', timestamp: '2025-01-01T00:00:00Z' });
    expect(r).toMatchObject({
      kind: 'post',
      id: syntheticPostId('csv', 'csv:a', 'csv:b', 'mention', '2025-01-01T00:00:00Z'),
      author: 'csv:a',
      interactions: [{ type: 'mention', target: 'csv:b', weight: 1 }],
    });
    expect(edgeRecords({ source: 'a', target: 'b', type: 'FOLLOW' })).toEqual([
      { kind: 'follow', source: 'csv:a', target: 'csv:b' },
    ]);
    expect(
      edgeRecords({ source: 'a', target: 'b', post_id: '9', hashtags: '#T1D, bcsm;#T1D', platform: 'X' })[0],
    ).toMatchObject({
      id: 'x:9',
      hashtags: ['t1d', 'bcsm'],
    });
  });

  it('explain what is wrong with a row', () => {
    expect(() => edgeRecords({ source: 'a', target: 'b', weight: '-2' })).toThrow(
      /weight must be a positive number/,
    );
    expect(() => edgeRecords({ source: 'a', target: 'b', timestamp: 'yesterday' })).toThrow(
      /timestamp must be ISO 8601/,
    );
    expect(() => edgeRecords({ source: '', target: 'b' })).toThrow('source is required');
  });

  it('come in line order, rows csv-parse cannot read among them, whatever the header says', async () => {
    // A BOM, a header in other case with spaces, an empty line, a short row, a row with extra fields, a
    // quote that never closes properly, and a record spanning two lines.
    const text =
      '\uFEFF Source ,TARGET,type,hashtags\n\n1,2,reply,#a\n3,4\n5,6,quote,#x,extra,more\n' +
      '"7,8\n9,"10",reply\n11,12,mention,"#multi\n#line"\n13,14,follow\n';
    const items = [];
    for await (const item of csv(Readable.from([Buffer.from(text)]), { file: 'f.csv' })) items.push(item);
    expect(items.map((i) => [i.line, 'reject' in i ? 'reject' : 'ok'])).toEqual([
      [3, 'ok'],
      [4, 'ok'],
      [5, 'ok'],
      [7, 'reject'],
      [9, 'ok'],
      [10, 'ok'],
    ]);
    expect(items[4]).toMatchObject({ records: [{ author: 'csv:11', hashtags: ['multi', 'line'] }] });
    expect(items[0]).toMatchObject({
      records: [{ author: 'csv:1', interactions: [{ type: 'reply', target: 'csv:2' }] }],
    });
    expect(items[2]).toMatchObject({ records: [{ hashtags: ['x'], interactions: [{ type: 'quote' }] }] });
    expect(items[5]).toMatchObject({ records: [{ kind: 'follow', source: 'csv:13', target: 'csv:14' }] });
  });
});

describe('JSON layouts', () => {
  const values = async (text: string) => {
    const out = [];
    for await (const v of jsonValues(Readable.from([Buffer.from(text)]))) out.push(v);
    return out;
  };

  it('reads JSON Lines, a top-level array and a pretty-printed document', async () => {
    expect(await values('{"a":1}\n\n{"a":2}\n')).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 3, value: { a: 2 } },
    ]);
    expect(await values('[\n {"a":1},\n {"a":2}\n]')).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 2, value: { a: 2 } },
    ]);
    expect(await values('{\n  "a": [1, 2]\n}\n')).toEqual([{ line: 1, value: { a: [1, 2] } }]);
  });

  it('turns a cut-off array into one reject after the complete elements', async () => {
    const out = await values('[{"a":1},{"a":2},{"a"');
    expect(out.slice(0, 2)).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 2, value: { a: 2 } },
    ]);
    expect(out[2]).toMatchObject({ line: 3, reject: expect.stringMatching(/array element 3/) });
  });
});

describe('platform ids', () => {
  it('use the instance host for a local Mastodon acct and the DID for Bluesky', () => {
    expect(mastodonAccountId({ acct: 'Alice', url: 'https://Fosstodon.org/@Alice' })).toBe(
      'mastodon:alice@fosstodon.org',
    );
    expect(mastodonAccountId({ acct: 'bob@mastodon.social' })).toBe('mastodon:bob@mastodon.social');
    expect(didOfUri('at://did:plc:abc123/app.bsky.feed.post/3k')).toBe('did:plc:abc123');
  });

  it('X: a retweet whose original is missing reposts the "RT @user" author, and adds no mentions', () => {
    const page = {
      data: [
        {
          id: '10',
          author_id: '1',
          text: 'RT @b: hi @c',
          referenced_tweets: [{ type: 'retweeted', id: '99' }],
          entities: { mentions: [{ username: 'b' }, { username: 'c' }] },
        },
      ],
      includes: {
        users: [
          { id: '1', username: 'a' },
          { id: '2', username: 'B' },
          { id: '3', username: 'c' },
        ],
      },
    };
    const [item] = xValue(page, 1, () => '');
    const post = (item as { records: { kind: string; interactions?: unknown }[] }).records.find(
      (r) => r.kind === 'post',
    );
    expect(post?.interactions).toEqual([{ type: 'repost', target: 'x:2' }]);
  });
});

describe('demo generator', () => {
  it('writes the requested number of interactions, seeded', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'demo-unit-'));
    const r = await generateDemo({ outDir: dir, accounts: 100, interactions: 777, seed: 3 });
    expect(r).toMatchObject({ accounts: 100, interactions: 777 });
    const edges = readFileSync(path.join(dir, 'edges.csv'), 'utf8').trim().split('\n');
    expect(edges).toHaveLength(778);
    const accounts = readFileSync(path.join(dir, 'accounts.csv'), 'utf8');
    expect(accounts).toMatch(/, [A-Z]{2}"?,/); // "City, ST" locations
    const j = await generateDemo({
      outDir: path.join(dir, 'j'),
      accounts: 50,
      interactions: 100,
      seed: 3,
      format: 'jsonl',
    });
    expect(j.files).toHaveLength(1);
  });
});
