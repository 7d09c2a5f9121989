// `npm run bench:collect`: the collector through a local replay server speaking Mastodon, with no
// artificial delay. Pages are synthetic but shaped like the recorded ones: each status is one of the
// 20 recorded statuses (tests/fixtures/ingest/mastodon/get_account_statuses_default.json) with a new
// id, author, mentions and tags, made on request, so the server holds no list in memory.
// Three figures on the same payloads, in posts/s:
//   fetch + parse  — the collector's GET (http.ts) and the Mastodon ingest source, no database;
//   write          — the same pages' batches written with applyBatch, one transaction per page, as a run
//                    writes them (the transactional write rate; the peer);
//   end to end     — runWatch as the scheduler runs it: fetch, archive, parse, write, cursor.
// Goal (issue 17): fetch + parse ≥ 2 × the write rate, so the collector is never the bottleneck. Memory
// (RSS and heap) is sampled every half second over the fetch + parse and the end-to-end runs of
// BENCH_COLLECT_POSTS posts (default 100,000); flat means the last quarter's mean is close to the
// first's. BENCH_COLLECT_WRITE_POSTS (default 10,000) sizes the write-only run, whose pages are held
// parsed in memory first. It empties the social graph of the Neo4j it uses: by default a local
// instance of its own ("bench-collect" on port 7703), or the one CARECIRCLE_NEO4J_INSTANCE / NEO4J_URI
// names (it refuses a database that is not empty and not marked as a test database). NODE_OPTIONS=
// --expose-gc samples the heap after a full collection (what is still referenced).
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Envelope } from '../../ingest/sources/envelope.ts';
import { mastodonValue, type LocalIds } from '../../ingest/sources/mastodon.ts';
import { applyBatch, rememberAccounts, type Unit } from '../../ingest/decide.ts';
import { TxStore } from '../../queries/ingest-store.ts';
import { DEFAULT_HTTP, getJson, postJson, type HttpOptions } from '../../collect/http.ts';
import { mastodon } from '../../collect/platforms/mastodon.ts';
import { realClock, RateLimiter } from '../../collect/rate-limit.ts';
import { runWatch, toUnits } from '../../collect/run.ts';
import { localInstance, start } from '../../neo4j/instance.ts';
import { connectionFromEnv, openDb } from '../../queries/connection.ts';
import type { Db } from '../../queries/db.ts';
import { applySchema } from '../../queries/schema.ts';
import { createWatch, type WatchState } from '../../queries/watches.ts';
import { markTestDatabase, resetGraph } from '../helpers/db.ts';
import { startReplay, type Handler } from '../helpers/replay-server.ts';

if (!process.env.NEO4J_URI && !process.env.CARECIRCLE_NEO4J_INSTANCE) {
  process.env.CARECIRCLE_NEO4J_INSTANCE = 'bench-collect';
  process.env.CARECIRCLE_NEO4J_PORT ??= '7703';
}
const POSTS = Number(process.env.BENCH_COLLECT_POSTS ?? 100_000);
const WRITE_POSTS = Math.min(POSTS, Number(process.env.BENCH_COLLECT_WRITE_POSTS ?? 10_000));
const PAGE = 40; // Mastodon's largest timeline page
const ACCOUNTS = 2_000;
const HOST = 'bench.example';

// ---- synthetic pages from the recorded shapes ----
type Status = Record<string, unknown> & {
  account: Record<string, unknown>;
  mentions?: Record<string, unknown>[];
  tags?: { name: string; url?: string }[];
};
const templates = JSON.parse(
  readFileSync('tests/fixtures/ingest/mastodon/get_account_statuses_default.json', 'utf8'),
) as Status[];
const T0 = Date.parse('2026-01-01T00:00:00Z');

function person(k: number, like: Record<string, unknown>) {
  const name = `user${k % ACCOUNTS}`;
  return {
    ...like,
    id: String(1_000_000 + (k % ACCOUNTS)),
    username: name,
    acct: `${name}@${HOST}`,
    url: `https://${HOST}/@${name}`,
    display_name: `User ${k % ACCOUNTS}`,
  };
}

/** Status `i` (ids 1 … POSTS; newest = POSTS). */
function status(i: number): Status {
  const t = templates[i % templates.length]!;
  const author = person(i * 31, t.account);
  return {
    ...t,
    id: String(i),
    uri: `https://${HOST}/users/${author.username}/statuses/${i}`,
    url: `https://${HOST}/@${author.username}/${i}`,
    created_at: new Date(T0 + i * 1000).toISOString(),
    account: author,
    in_reply_to_id: t.in_reply_to_id ? String(Math.max(1, i - 1)) : null,
    in_reply_to_account_id: t.in_reply_to_account_id ? person((i - 1) * 31, t.account).id : null,
    mentions: (t.mentions ?? []).map((m, k) => {
      const p = person(i * 31 + 17 * (k + 1), t.account);
      return { ...m, id: p.id, username: p.username, acct: p.acct, url: p.url };
    }),
    tags: [...(t.tags ?? []), { name: `bench${i % 50}`, url: `https://${HOST}/tags/bench${i % 50}` }],
  };
}

/** The hashtag timeline, newest first, max_id / since_id and a Link to the next page. */
const timeline =
  (base: () => string): Handler =>
  (url) => {
    const limit = Math.min(PAGE, Number(url.searchParams.get('limit') ?? 20));
    const max = Number(url.searchParams.get('max_id') ?? POSTS + 1);
    const since = Number(url.searchParams.get('since_id') ?? 0);
    const page: Status[] = [];
    for (let i = max - 1; i > since && page.length < limit; i--) page.push(status(i));
    const headers: Record<string, string> = {};
    const last = page.at(-1);
    if (last && Number(last.id) - 1 > since) {
      const next = new URL(url.pathname, base());
      next.searchParams.set('limit', String(limit));
      next.searchParams.set('max_id', String(last.id));
      headers.link = `<${next}>; rel="next"`;
    }
    return { body: page, headers };
  };

// ---- measuring ----
interface Sample {
  t: number;
  rssMb: number;
  heapMb: number;
}
/**
 * With `NODE_OPTIONS=--expose-gc`, every sample first runs a full collection, so the heap figure is
 * what is still referenced rather than what V8 has not yet collected (it costs a few ms a sample).
 */
const forceGc = (globalThis as { gc?: () => void }).gc;
function sampler() {
  const samples: Sample[] = [];
  const t0 = Date.now();
  const take = () => {
    forceGc?.();
    const m = process.memoryUsage();
    samples.push({ t: (Date.now() - t0) / 1000, rssMb: m.rss / 2 ** 20, heapMb: m.heapUsed / 2 ** 20 });
  };
  take();
  const timer = setInterval(take, 500);
  return {
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
function flatness(name: string, samples: Sample[]) {
  const q = Math.max(1, Math.floor(samples.length / 4));
  const first = samples.slice(0, q);
  const last = samples.slice(-q);
  const rss = mean(last.map((s) => s.rssMb)) / mean(first.map((s) => s.rssMb));
  const heap = mean(last.map((s) => s.heapMb)) / mean(first.map((s) => s.heapMb));
  const peak = Math.max(...samples.map((s) => s.rssMb));
  const deciles = Array.from({ length: 11 }, (_, k) => samples[Math.round((k / 10) * (samples.length - 1))]!);
  console.log(
    `  memory over ${name} (${samples.length} samples): peak RSS ${peak.toFixed(0)} MB; ` +
      `last quarter / first quarter: RSS ×${rss.toFixed(2)}, heap ×${heap.toFixed(2)}`,
  );
  console.log(
    '  RSS MB at 0%…100%: ' +
      deciles.map((s) => s.rssMb.toFixed(0)).join(' ') +
      '\n' +
      '  heap MB at 0%…100%: ' +
      deciles.map((s) => s.heapMb.toFixed(0)).join(' '),
  );
  return { rss, heap, peak };
}

function httpOptions(): HttpOptions {
  return { ...DEFAULT_HTTP, clock: realClock, limiter: new RateLimiter(realClock) };
}

function watchState(base: string): WatchState {
  return {
    id: 'bench-collect',
    platform: 'mastodon',
    kind: 'hashtag',
    target: 'bench',
    baseUrl: base,
    intervalMinutes: 60,
    since: null,
    until: null,
    cursor: null,
    page: null,
  };
}

/** Fetch + parse through the collector's own plan, GET and parser; `keep` collects the parsed pages. */
async function fetchAndParse(base: string, limitPosts: number, keep?: Unit[][]) {
  const http = httpOptions();
  const plan = await mastodon.plan({
    watch: watchState(base),
    tokens: {},
    get: (u, h = {}) => getJson(u, h, http),
    post: (u, b) => postJson(u, b, {}, http),
    load: async () => {},
  });
  const ids: LocalIds = new Map();
  let url: string | null = plan.first;
  let posts = 0;
  let line = 0;
  while (url && posts < limitPosts) {
    const page = await getJson(url, plan.headers, http);
    const envelope: Envelope = { __carecircle: { platform: 'mastodon', url: page.url }, body: page.body };
    const { units } = toUnits(mastodonValue(envelope, ++line, ids));
    posts += (page.body as unknown[]).length;
    keep?.push(units);
    url = plan.reachedEnd(page) ? null : plan.next(page);
  }
  return posts;
}

async function main() {
  if (!process.env.NEO4J_URI) await start(localInstance(), { log: (l) => console.log(`[neo4j] ${l}`) });
  const db: Db = openDb(connectionFromEnv());
  const replay = await startReplay();
  replay.route(
    '/api/v1/timelines/tag/bench',
    timeline(() => replay.base),
  );
  const archive = mkdtempSync(path.join(os.tmpdir(), 'bench-collect-'));
  try {
    await markTestDatabase(db);
    await applySchema(db);
    console.log(
      `bench:collect: ${POSTS} synthetic Mastodon posts in pages of ${PAGE} (${ACCOUNTS} accounts), ` +
        `write-only run on ${WRITE_POSTS}; load average ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
    );

    // 1. fetch + parse alone, memory sampled.
    let s = sampler();
    let t = Date.now();
    const fetched = await fetchAndParse(replay.base, POSTS);
    const fetchRate = fetched / ((Date.now() - t) / 1000);
    console.log(
      `fetch + parse: ${fetched} posts in ${((Date.now() - t) / 1000).toFixed(1)} s = ${fetchRate.toFixed(0)} posts/s`,
    );
    const fetchMem = flatness('fetch + parse', s.stop());

    // 2. the transactional write of the same payloads (pages parsed beforehand), one transaction a page.
    const pages: Unit[][] = [];
    await fetchAndParse(replay.base, WRITE_POSTS, pages);
    await resetGraph(db);
    const known = new Set<string>();
    let written = 0;
    t = Date.now();
    for (const units of pages) {
      const r = await db.writeTx((tx) => applyBatch(new TxStore(tx), units, known), 'bench/write');
      rememberAccounts(known, r.prepared);
      written += units.length;
    }
    const writeRate = written / ((Date.now() - t) / 1000);
    console.log(
      `write (applyBatch per page): ${written} posts in ${((Date.now() - t) / 1000).toFixed(1)} s = ${writeRate.toFixed(0)} posts/s`,
    );
    pages.length = 0;

    // 3. end to end: a real run of a watch, archive included.
    await resetGraph(db);
    const id = await createWatch(db, {
      id: 'bench-collect',
      platform: 'mastodon',
      kind: 'hashtag',
      target: 'bench',
      baseUrl: replay.base,
    });
    s = sampler();
    t = Date.now();
    const r = await runWatch(db, id, { archiveDir: archive, leaseMs: 600_000 });
    const e2eS = (Date.now() - t) / 1000;
    if (r.status !== 'done') throw new Error(`the run failed: ${r.error}`);
    const e2eRate = r.posts / e2eS;
    console.log(
      `end to end (runWatch: fetch, archive, parse, write, cursor): ${r.posts} posts, ${r.interactions} interactions, ` +
        `${r.pages} pages in ${e2eS.toFixed(1)} s = ${e2eRate.toFixed(0)} posts/s`,
    );
    const e2eMem = flatness('end to end', s.stop());

    const ratio = fetchRate / writeRate;
    console.log(
      `\nfetch + parse / write = ${ratio.toFixed(1)} (goal ≥ 2: ${ratio >= 2 ? 'met' : 'NOT met'}); ` +
        `end to end / write = ${(e2eRate / writeRate).toFixed(2)}`,
    );
    console.log(
      `memory flat (last quarter within 1.25× of the first${forceGc ? '; heap sampled after a full GC' : ''}): fetch + parse RSS ×${fetchMem.rss.toFixed(2)} heap ×${fetchMem.heap.toFixed(2)}, ` +
        `end to end RSS ×${e2eMem.rss.toFixed(2)} heap ×${e2eMem.heap.toFixed(2)}`,
    );
  } finally {
    await replay.close();
    await resetGraph(db).catch(() => {});
    await db.close();
    rmSync(archive, { recursive: true, force: true });
  }
}

await main();
