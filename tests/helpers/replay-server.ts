// A local HTTP server on 127.0.0.1 (port 0) that answers like Mastodon, Bluesky and X from recorded
// payloads: real paging (Mastodon max_id / since_id with Link headers, Bluesky cursors, X next_token
// and since_id), and faults queued per path: 429 with Retry-After, 5xx, an HTML error page, a body cut
// off mid-way, a body that never ends, a 10 MB single line, a redirect to another host, a refused token.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'html' }
  | { kind: 'cut' }
  | { kind: 'hang' }
  | { kind: 'huge' }
  | { kind: 'redirect'; to: string }
  | { kind: 'ratelimit-headers'; remaining: number; resetSeconds: number };

export type Handler = (
  url: URL,
  req: IncomingMessage,
) => { body: unknown; headers?: Record<string, string> } | null;

export interface Replay {
  base: string;
  /** Requests answered, as path + query, in order. */
  requests: string[];
  /** Authorization headers seen (tests check which host got a token). */
  auth: (string | undefined)[];
  route(path: string | RegExp, handler: Handler): void;
  /** Faults served, in order, to the next requests whose path matches. */
  fault(path: string | RegExp, ...faults: Fault[]): void;
  close(): Promise<void>;
}

const matches = (p: string | RegExp, path: string) => (typeof p === 'string' ? p === path : p.test(path));

export async function startReplay(): Promise<Replay> {
  const routes: { path: string | RegExp; handler: Handler }[] = [];
  const faults: { path: string | RegExp; fault: Fault }[] = [];
  const requests: string[] = [];
  const auth: (string | undefined)[] = [];
  const open = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    auth.push(req.headers.authorization);
    const fi = faults.findIndex((f) => matches(f.path, url.pathname));
    const fault = fi >= 0 ? faults.splice(fi, 1)[0]!.fault : undefined;
    const route = routes.find((r) => matches(r.path, url.pathname));
    const answer = route?.handler(url, req);
    if (fault?.kind === 'status') {
      res.writeHead(fault.status, {
        'content-type': 'application/json',
        ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}),
      });
      res.end(JSON.stringify({ error: `status ${fault.status}` }));
      return;
    }
    if (fault?.kind === 'html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>');
      return;
    }
    if (fault?.kind === 'redirect') {
      res.writeHead(302, { location: fault.to });
      res.end();
      return;
    }
    if (fault?.kind === 'huge') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('[' + '"x",'.repeat(2_600_000) + '"x"]');
      return;
    }
    if (!answer) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'not found' }));
      return;
    }
    const text = JSON.stringify(answer.body);
    const headers: Record<string, string> = { 'content-type': 'application/json', ...answer.headers };
    if (fault?.kind === 'ratelimit-headers') {
      headers['x-ratelimit-remaining'] = String(fault.remaining);
      headers['x-ratelimit-reset'] = String(Math.floor(Date.now() / 1000) + fault.resetSeconds);
    }
    if (fault?.kind === 'cut') {
      res.writeHead(200, { ...headers, 'content-length': String(Buffer.byteLength(text)) });
      res.write(text.slice(0, Math.floor(text.length / 2)));
      setTimeout(() => res.destroy(), 10);
      return;
    }
    if (fault?.kind === 'hang') {
      res.writeHead(200, headers);
      res.write(text.slice(0, 10));
      open.add(res);
      return;
    }
    res.writeHead(200, headers);
    res.end(text);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    requests,
    auth,
    route: (path, handler) => routes.push({ path, handler }),
    fault: (path, ...fs) => faults.push(...fs.map((fault) => ({ path, fault }))),
    close: async () => {
      for (const r of open) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

const newer = (a: string, b: string) => (a.length !== b.length ? a.length > b.length : a > b);

/** Mastodon paging over `statuses()` (newest first): limit, max_id, since_id, and a Link to the next page. */
export function mastodonTimeline(
  base: () => string,
  statuses: () => { id: string }[],
  pageSize = 40,
): Handler {
  return (url) => {
    const limit = Math.min(pageSize, Number(url.searchParams.get('limit') ?? 20));
    const max = url.searchParams.get('max_id');
    const since = url.searchParams.get('since_id');
    const all = statuses().filter((s) => (!max || newer(max, s.id)) && (!since || newer(s.id, since)));
    const page = all.slice(0, limit);
    const headers: Record<string, string> = {};
    if (all.length > limit) {
      const next = new URL(url.pathname, base());
      for (const [k, v] of url.searchParams) if (k !== 'max_id') next.searchParams.set(k, v);
      next.searchParams.set('max_id', page[page.length - 1]!.id);
      headers.link = `<${next}>; rel="next"`;
    }
    return { body: page, headers };
  };
}

/** Cursor paging (Bluesky): the cursor is the offset into the list held under `key`. */
export function cursorPages(key: string, items: () => unknown[], size: number, extra: object = {}): Handler {
  return (url) => {
    const from = Number(url.searchParams.get('cursor') ?? 0);
    const list = items();
    const page = list.slice(from, from + size);
    const body: Record<string, unknown> = { ...extra, [key]: page };
    if (from + size < list.length) body.cursor = String(from + size);
    return { body };
  };
}
