// One polite GET of a JSON page with Node's fetch: the host's rate budget first, a time limit over the
// whole exchange (a body that never ends), a size limit, redirects followed only on the same host,
// retries with backoff on 429 / 5xx / cut-off answers, and a clear error for everything else (an HTML
// error page, a refused token). Headers carrying a token never reach an error message or a log.
import { backoffMs, parseRetryAfter, RateLimiter, type BackoffOptions, type Clock } from './rate-limit.ts';

export interface HttpOptions {
  clock: Clock;
  limiter: RateLimiter;
  timeoutMs: number;
  maxBytes: number;
  maxAttempts: number;
  backoff: BackoffOptions;
  fetch?: typeof fetch;
  /** Progress for people (never with headers or tokens). */
  log?: (line: string) => void;
}

export const DEFAULT_HTTP = {
  timeoutMs: 30_000,
  maxBytes: 8 * 1024 * 1024,
  maxAttempts: 5,
  backoff: { baseMs: 1_000, capMs: 60_000 },
};

/** A failed fetch, said in plain words; `retryable` ones were retried before they were thrown. */
export class FetchError extends Error {
  override name = 'FetchError';
  /** What the server asked for (Retry-After), when it did. */
  retryAfterMs?: number;
  constructor(
    message: string,
    readonly status?: number,
    readonly retryable = false,
  ) {
    super(message);
  }
}

/** The platform refused the credentials (401, or 403 with a token): no retry, say what to do. */
class TokenError extends FetchError {
  override name = 'TokenError';
}

export interface Page {
  url: string;
  status: number;
  headers: Headers;
  body: unknown;
  bytes: number;
}

const where = (url: string) => {
  const u = new URL(url);
  return `${u.host}${u.pathname}`;
};

async function readCapped(res: Response, maxBytes: number, url: string): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw new FetchError(`${where(url)} answered ${declared} bytes, more than the ${maxBytes}-byte limit`);
  }
  const chunks: Buffer[] = [];
  let n = 0;
  if (!res.body) return Buffer.alloc(0);
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    n += chunk.length;
    if (n > maxBytes) {
      await res.body.cancel().catch(() => {});
      throw new FetchError(`${where(url)} answered more than the ${maxBytes}-byte limit; stopped reading`);
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

function parseBody(buf: Buffer, res: Response, url: string): unknown {
  const type = res.headers.get('content-type') ?? '';
  const text = buf.toString('utf8');
  const head = text.trimStart().slice(0, 200);
  if (/html/i.test(type) || /^<(!doctype|html|head|body)/i.test(head)) {
    const title = /<title>([^<]{0,120})/i.exec(text)?.[1]?.trim();
    throw new FetchError(
      `${where(url)} answered an HTML page instead of JSON (status ${res.status}${title ? `, "${title}"` : ''})`,
      res.status,
    );
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    // A body cut off in transit: worth another try.
    throw new FetchError(
      `${where(url)} answered JSON that is cut off or malformed after ${buf.length} bytes (${(err as Error).message})`,
      res.status,
      true,
    );
  }
}

/** GETs `url` as JSON; `headers` may hold a token. */
export function getJson(url: string, headers: Record<string, string>, o: HttpOptions): Promise<Page> {
  return fetchJson(url, headers, o);
}

/**
 * POSTs a JSON body (a sign-in) with the same politeness as a GET: 429 and 5xx are retried with
 * Retry-After or backoff. The body may hold a password: it is never logged or put in a message.
 */
export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  o: HttpOptions,
): Promise<Page> {
  return fetchJson(url, { 'content-type': 'application/json', ...headers }, o, JSON.stringify(body));
}

async function fetchJson(
  url: string,
  headers: Record<string, string>,
  o: HttpOptions,
  body?: string,
): Promise<Page> {
  const doFetch = o.fetch ?? fetch;
  const origin = new URL(url).origin;
  const host = new URL(url).host;
  let lastError: FetchError | undefined;
  for (let attempt = 1; attempt <= o.maxAttempts; attempt++) {
    if (attempt > 1) {
      const wait = lastError?.retryAfterMs ?? backoffMs(attempt - 1, o.clock.rng, o.backoff);
      o.log?.(`${where(url)}: ${lastError?.message}; trying again in ${Math.round(wait / 100) / 10} s`);
      await o.limiter.wait(host, wait);
    }
    await o.limiter.ready(host);
    let current = url;
    const signal = AbortSignal.timeout(o.timeoutMs);
    try {
      let res: Response;
      for (let hops = 0; ; hops++) {
        res = await doFetch(current, {
          method: body === undefined ? 'GET' : 'POST',
          headers: { accept: 'application/json', 'user-agent': 'carecircle-collector', ...headers },
          redirect: 'manual',
          signal,
          ...(body === undefined ? {} : { body }),
        });
        if (res.status < 300 || res.status >= 400) break;
        const location = res.headers.get('location');
        await res.body?.cancel();
        if (!location)
          throw new FetchError(`${where(current)} redirected (${res.status}) without a Location`);
        const next = new URL(location, current);
        if (next.origin !== origin)
          throw new FetchError(
            `${where(current)} redirected to another host (${next.host}); not followed, so no token leaves ${host}`,
            res.status,
          );
        if (hops >= 3) throw new FetchError(`${where(url)} redirected more than 3 times`, res.status);
        current = next.toString();
      }
      o.limiter.update(host, res.headers);
      if (
        res.status === 401 ||
        (res.status === 403 && Object.keys(headers).some((h) => /authorization/i.test(h)))
      ) {
        await res.body?.cancel();
        throw new TokenError(
          `${where(current)} refused the token (${res.status}): it is expired, revoked or lacks access; set a new one`,
          res.status,
        );
      }
      if (res.status === 429 || res.status >= 500) {
        await res.body?.cancel().catch(() => {});
        const e = new RetryableStatus(
          `${where(current)} answered ${res.status}${res.status === 429 ? ' (too many requests)' : ' (server error)'}`,
          res.status,
        );
        e.retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), o.clock.now());
        throw e;
      }
      const buf = await readCapped(res, o.maxBytes, current);
      if (res.status >= 400) {
        const snippet = buf.toString('utf8').replace(/\s+/g, ' ').slice(0, 200);
        throw new FetchError(`${where(current)} answered ${res.status}: ${snippet}`, res.status);
      }
      return {
        url: current,
        status: res.status,
        headers: res.headers,
        body: parseBody(buf, res, current),
        bytes: buf.length,
      };
    } catch (err) {
      const e = asFetchError(err, current, o.timeoutMs);
      if (!e.retryable) throw e;
      lastError = e;
    }
  }
  throw new FetchError(`${lastError!.message}; gave up after ${o.maxAttempts} attempts`, lastError!.status);
}

class RetryableStatus extends FetchError {
  constructor(message: string, status: number) {
    super(message, status, true);
  }
}

function asFetchError(err: unknown, url: string, timeoutMs: number): FetchError {
  if (err instanceof FetchError) return err;
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError')
    return new FetchError(
      `${where(url)} did not finish answering within ${timeoutMs / 1000} s`,
      undefined,
      true,
    );
  const cause = e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
  return new FetchError(`${where(url)} could not be read (${cause})`, undefined, true);
}
