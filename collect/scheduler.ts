// The collection scheduler inside `serve`: on a croner tick it asks Neo4j which watches are due and
// runs them one after another (two cores are shared with the web server; one watch at a time is
// polite to the platforms too). Another process running the same watch is kept out by the watch's
// lease (acquire.cypher), not by this process: two servers, or a server and `watch run --due` from
// cron, can share one database. A run's own failures end up on the watch (collect/run.ts); anything
// else that goes wrong in a tick (the database gone, a bug) is logged and the next tick tries again,
// so nothing here can take the web server down.
import { Cron } from 'croner';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Db } from '../queries/db.ts';
import { Conflict, NotFound } from '../queries/errors.ts';
import { dueWatches } from '../queries/watches.ts';
import { realClock, type Clock } from './rate-limit.ts';
import { runWatch, type RunOptions, type RunResult } from './run.ts';

/** Every 30 seconds: a watch's interval is whole minutes, so a due watch starts within half a minute. */
const DEFAULT_PATTERN = '*/30 * * * * *';

export interface SchedulerOptions {
  db: Db;
  /** When false only "run now" requests are carried out; nothing runs on a timer. */
  periodic: boolean;
  /** croner pattern of the ticks (seconds field first). */
  pattern?: string;
  clock?: Clock;
  /** What one run does (tests inject a failing one); default collect/run.ts runWatch. */
  run?: (db: Db, id: string, o: RunOptions) => Promise<RunResult>;
  /** Passed to every run (archive folder, tokens, HTTP limits …). */
  runOptions?: () => Omit<RunOptions, 'owner' | 'clock' | 'signal'>;
  log?: (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;
  /** How many due watches one tick takes on (the rest wait for the next tick). */
  batch?: number;
}

export interface TickResult {
  ran: RunResult[];
  /** Watches another process was running (its lease held): left to it. */
  busy: string[];
  /** Errors outside a run (database unreachable …), as messages. */
  errors: string[];
}

/** `CARECIRCLE_COLLECT_SCHEDULER=off` turns the timer off (e.g. when cron runs `watch run --due`). */
export function schedulerFromEnv(env: NodeJS.ProcessEnv = process.env): {
  periodic: boolean;
  pattern: string;
} {
  const v = (env.CARECIRCLE_COLLECT_SCHEDULER ?? 'on').trim().toLowerCase();
  if (!['on', 'off', 'true', 'false', '1', '0'].includes(v))
    throw new Error(`CARECIRCLE_COLLECT_SCHEDULER must be on or off, not ${JSON.stringify(v)}`);
  return {
    periodic: ['on', 'true', '1'].includes(v),
    pattern: env.CARECIRCLE_COLLECT_SCHEDULE?.trim() || DEFAULT_PATTERN,
  };
}

export class WatchScheduler {
  /** One lease owner for this process, so its own renewals match and others' do not. */
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private cron: Cron | null = null;
  private readonly requested: string[] = [];
  private current: Promise<TickResult> | null = null;
  private again = false;
  private readonly stopping = new AbortController();
  private readonly clock: Clock;

  constructor(private readonly o: SchedulerOptions) {
    this.clock = o.clock ?? realClock;
  }

  /** Starts the timer (when periodic). */
  start(): void {
    if (!this.o.periodic || this.cron) return;
    this.cron = new Cron(this.o.pattern ?? DEFAULT_PATTERN, { protect: true, unref: true }, () => {
      void this.tick();
    });
  }

  get periodic(): boolean {
    return this.o.periodic;
  }

  /** The next timer tick, for the API's "next check" (null when the timer is off). */
  nextTick(): Date | null {
    return this.cron?.nextRun() ?? null;
  }

  /**
   * "Run now": the watch is run by this process as soon as the current run ends, whether or not the
   * timer is on. Resolves when it is queued, not when it has run.
   */
  request(id: string): void {
    if (!this.requested.includes(id)) this.requested.push(id);
    void this.tick();
  }

  /**
   * Runs what was requested and what is due, one watch at a time. Never rejects. A tick asked for while
   * one is under way runs right after it (so a "run now" is not lost).
   */
  tick(): Promise<TickResult> {
    if (this.current) {
      this.again = true;
      return this.current;
    }
    const work = this.work().finally(() => {
      this.current = null;
      if (this.again && !this.stopping.signal.aborted) {
        this.again = false;
        void this.tick();
      }
    });
    this.current = work;
    return work;
  }

  private async work(): Promise<TickResult> {
    const result: TickResult = { ran: [], busy: [], errors: [] };
    // A due watch runs once a round. A "run now" always runs, even for a watch this round has already
    // run: it was asked for after that run had started, maybe after it ended (a retry after a failure).
    const done = new Set<string>();
    const runOne = async (id: string, asked: boolean) => {
      if ((!asked && done.has(id)) || this.stopping.signal.aborted) return;
      done.add(id);
      try {
        const r = await (this.o.run ?? runWatch)(this.o.db, id, {
          ...(this.o.runOptions?.() ?? { archiveDir: null }),
          owner: this.owner,
          clock: this.clock,
          signal: this.stopping.signal,
        });
        result.ran.push(r);
        this.o.log?.(r.status === 'done' ? 'info' : 'warn', `watch ${id} ${r.status}`, {
          watch: id,
          pages: r.pages,
          posts: r.posts,
          interactions: r.interactions,
          ...(r.error ? { error: r.error } : {}),
        });
      } catch (err) {
        if (err instanceof Conflict) {
          result.busy.push(id);
          return;
        }
        if (err instanceof NotFound) return; // removed meanwhile
        const message = err instanceof Error ? err.message : String(err);
        result.errors.push(`${id}: ${message}`);
        this.o.log?.('error', `watch ${id}: the scheduler could not run it`, { watch: id, error: message });
      }
    };
    while (this.requested.length) await runOne(this.requested.shift()!, true);
    if (this.o.periodic && !this.stopping.signal.aborted) {
      let due: string[] = [];
      try {
        due = await dueWatches(this.o.db, this.clock.now(), this.o.batch ?? 20);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        result.errors.push(message);
        this.o.log?.('error', 'the scheduler could not read the due watches', { error: message });
      }
      for (const id of due) {
        await runOne(id, false);
        // A "run now" that came in meanwhile goes before the rest of the due list.
        while (this.requested.length) await runOne(this.requested.shift()!, true);
      }
    }
    return result;
  }

  /**
   * Stops the timer and asks a running collection to stop after its current page (it is resumable);
   * resolves once it has, so the database can be closed after.
   */
  async stop(): Promise<void> {
    this.cron?.stop();
    this.cron = null;
    this.stopping.abort();
    this.requested.length = 0;
    await this.current;
  }
}
