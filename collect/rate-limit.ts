// Politeness: each host's budget from its own rate-limit headers, Retry-After on 429/503, and
// exponential backoff with jitter on 429 and 5xx. Time and randomness are injected (`now`, `sleep`,
// `rng`), so tests run on a fake clock.

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  rng(): number;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  rng: Math.random,
};

class RateLimited extends Error {
  override name = 'RateLimited';
}

/**
 * A reset time in ms since the epoch from a header value: X and Bluesky send epoch seconds, Mastodon an
 * ISO date-time; a small number is read as seconds from now.
 */
export function parseReset(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) {
    const n = Number(v);
    return n > 1e9 ? n * 1000 : now + n * 1000;
  }
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}

/** Retry-After: delay seconds or an HTTP date; the wait in ms. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

/** Attempt n (1-based) waits between half and all of base·2ⁿ⁻¹, capped: spread out, never zero. */
export function backoffMs(attempt: number, rng: () => number, o: BackoffOptions): number {
  const full = Math.min(o.capMs, o.baseMs * 2 ** (attempt - 1));
  return Math.round(full / 2 + (rng() * full) / 2);
}

interface HostBudget {
  remaining?: number;
  resetAt?: number;
}

export class RateLimiter {
  private readonly hosts = new Map<string, HostBudget>();

  constructor(
    private readonly clock: Clock,
    /** The longest wait accepted for a window to reset; beyond it the run stops (resumable). */
    private readonly maxWaitMs = 15 * 60_000,
  ) {}

  /** Learns the host's budget from a response's headers (x-ratelimit-* or ratelimit-*). */
  update(host: string, headers: Headers): void {
    const rem = headers.get('x-ratelimit-remaining') ?? headers.get('ratelimit-remaining');
    const reset = headers.get('x-ratelimit-reset') ?? headers.get('ratelimit-reset');
    if (rem === null && reset === null) return;
    const b: HostBudget = {};
    if (rem !== null && /^\d+$/.test(rem.trim())) b.remaining = Number(rem);
    const at = parseReset(reset, this.clock.now());
    if (at !== undefined) b.resetAt = at;
    this.hosts.set(host, b);
  }

  budget(host: string): HostBudget | undefined {
    return this.hosts.get(host);
  }

  /** Waits until the host may be asked again: at once, or when its exhausted window resets. */
  async ready(host: string): Promise<void> {
    const b = this.hosts.get(host);
    if (!b || b.remaining === undefined || b.remaining > 0 || b.resetAt === undefined) return;
    const wait = b.resetAt - this.clock.now();
    if (wait <= 0) return;
    await this.wait(host, wait);
    this.hosts.delete(host);
  }

  /** A wait the server asked for (Retry-After, a reset), bounded by maxWaitMs. */
  async wait(host: string, ms: number): Promise<void> {
    if (ms > this.maxWaitMs) {
      throw new RateLimited(
        `${host} asks to wait ${Math.ceil(ms / 1000)} s (rate limit); stopped here, the next run goes on from this page`,
      );
    }
    await this.clock.sleep(ms);
  }
}
