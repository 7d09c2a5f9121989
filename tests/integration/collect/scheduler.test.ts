// The scheduler inside `serve`: due watches run on an injected clock, paused and future ones wait, a
// second process never runs a watch the first is running, a failing run or a broken runner does not
// stop the next one, shutdown stops a collection after its page (resumable), and the environment
// variable turns the timer off.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runWatch, type RunOptions } from '../../../collect/run.ts';
import { schedulerFromEnv, WatchScheduler, type TickResult } from '../../../collect/scheduler.ts';
import type { Clock } from '../../../collect/rate-limit.ts';
import type { Db } from '../../../queries/db.ts';
import { createWatch, listRuns, listWatches, setPaused } from '../../../queries/watches.ts';
import { resetGraph, useTestGraph } from '../../helpers/db.ts';
import { graphState } from '../ingest/state.ts';
import { fakeClock, MASTO_ACCOUNT, startWorld, type World } from './setup.ts';

let db: Db;
let world: World;
useTestGraph((opened) => (db = opened));
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.replay.close());
beforeEach(() => resetGraph(db));

const testRun = (): Omit<RunOptions, 'owner' | 'clock' | 'signal'> => ({
  archiveDir: null,
  tokens: { x: 'test-bearer-token' },
  leaseMs: 60_000,
  http: { timeoutMs: 500, maxAttempts: 3, backoff: { baseMs: 1000, capMs: 8000 } },
});

const scheduler = (clock: Clock, o: Partial<ConstructorParameters<typeof WatchScheduler>[0]> = {}) =>
  new WatchScheduler({ db, periodic: true, clock, runOptions: testRun, ...o });

const account = (clock: Clock, id = 'masto-account') =>
  createWatch(
    db,
    {
      id,
      platform: 'mastodon',
      kind: 'account',
      target: 'schochastics@fosstodon.org',
      baseUrl: world.replay.base,
      intervalMinutes: 60,
    },
    clock.now(),
  );

const minutes = (m: number) => m * 60_000;

describe('collection scheduler', { timeout: 300_000 }, () => {
  it('runs due watches, leaves paused and not-yet-due ones, and runs a watch again after its interval', async () => {
    const clock = fakeClock();
    const due = await account(clock);
    const paused = await account(clock, 'masto-paused');
    await setPaused(db, paused, true, clock.now());
    await clock.sleep(minutes(1));
    const s = scheduler(clock);

    const first = await s.tick();
    expect(first.ran.map((r) => [r.watch, r.status, r.posts])).toEqual([[due, 'done', 20]]);
    const [w] = await listWatches(db, () => false, { id: due });
    expect(w!.nextRunAt).toBe(new Date(clock.now() + minutes(60)).toISOString());

    // Nothing is due again before the interval has passed.
    await clock.sleep(minutes(30));
    expect((await s.tick()).ran).toEqual([]);
    await clock.sleep(minutes(31));
    const later = await s.tick();
    expect(later.ran.map((r) => [r.watch, r.status, r.posts])).toEqual([[due, 'done', 0]]);
    expect((await listRuns(db, paused)).length).toBe(0);
  });

  it('a second process asked to run the watch while the first runs it leaves it alone (lease)', async () => {
    const clock = fakeClock();
    const id = await account(clock);
    const other = scheduler(clock);
    let second: Promise<TickResult> | undefined;
    const first = scheduler(clock, {
      run: (d, w, o) =>
        runWatch(d, w, {
          ...o,
          onPage: (n) => {
            if (n !== 1) return;
            other.request(w); // "run now" on another server, mid-run
            second = other.tick();
          },
        }),
    });
    const a = await first.tick();
    const b = await second!;
    expect(a.ran.map((r) => [r.watch, r.status, r.posts])).toEqual([[id, 'done', 20]]);
    expect(b).toEqual({ ran: [], busy: [id], errors: [] });
    expect(await listRuns(db, id)).toHaveLength(1);
    expect((await graphState(db)).stats.posts).toBe(20);
  });

  it('a bad platform answer fails that run only; a runner that throws is logged and the next watch still runs', async () => {
    const clock = fakeClock();
    const bad = await account(clock, 'a-bad-answer');
    const broken = await account(clock, 'b-broken-runner');
    const good = await account(clock, 'c-good');
    await clock.sleep(minutes(1));
    world.replay.fault(`/api/v1/accounts/${MASTO_ACCOUNT.id}/statuses`, { kind: 'html' });
    const logged: string[] = [];
    const s = scheduler(clock, {
      run: (d, w, o) => {
        if (w === broken) throw new TypeError('a bug in a runner');
        return runWatch(d, w, o);
      },
      log: (level, msg) => logged.push(`${level} ${msg}`),
    });
    const t = await s.tick();
    expect(t.ran.map((r) => [r.watch, r.status])).toEqual([
      [bad, 'failed'],
      [good, 'done'],
    ]);
    expect(t.ran[0]!.error).toMatch(/HTML page instead of JSON/);
    expect(t.errors).toEqual([`${broken}: a bug in a runner`]);
    expect(logged).toContain(`error watch ${broken}: the scheduler could not run it`);
    const [w] = await listWatches(db, () => false, { id: bad });
    expect(w!.lastRun).toMatchObject({ status: 'failed', error: expect.stringMatching(/HTML page/) });
  });

  it('a "run now" asked for once a run has ended is run too, not dropped with that round', async () => {
    // An admin retries a watch the moment its run has failed or finished, while the scheduler's round
    // that ran it is still going: the retry must run.
    const clock = fakeClock();
    const id = await account(clock);
    await clock.sleep(minutes(1));
    let asked = false;
    const s = scheduler(clock, {
      run: async (d, w, o) => {
        const r = await runWatch(d, w, o);
        if (!asked) {
          asked = true;
          s.request(w);
        }
        return r;
      },
    });
    await s.tick();
    await s.tick(); // the round the request started, if it is still going
    const runs = await listRuns(db, id);
    expect(runs.map((r) => r.status)).toEqual(['done', 'done']);
  });

  it('stop() ends a running collection after its page; it stays due and the next process finishes it', async () => {
    const clock = fakeClock();
    const id = await account(clock);
    let stopped: Promise<void> | undefined;
    const s = scheduler(clock, {
      run: (d, w, o) =>
        runWatch(d, w, {
          ...o,
          onPage: (n) => {
            if (n === 2) stopped = s.stop();
          },
        }),
    });
    const t = await s.tick();
    await stopped;
    expect(t.ran[0]).toMatchObject({ status: 'done', complete: false, pages: 2 });
    const [w] = await listWatches(db, () => false, { id });
    expect(w!.running).toBe(false);
    expect(w!.nextRunAt).toBe(new Date(clock.now()).toISOString());
    const rest = await scheduler(clock).tick();
    expect(rest.ran[0]).toMatchObject({ status: 'done', complete: true });
    expect((await graphState(db)).stats.posts).toBe(20);
  });

  it('on a real timer a due watch starts by itself; CARECIRCLE_COLLECT_SCHEDULER=off turns the timer off', async () => {
    expect(schedulerFromEnv({})).toMatchObject({ periodic: true });
    expect(schedulerFromEnv({ CARECIRCLE_COLLECT_SCHEDULER: 'off' })).toMatchObject({ periodic: false });
    expect(() => schedulerFromEnv({ CARECIRCLE_COLLECT_SCHEDULER: 'sometimes' })).toThrow(
      /CARECIRCLE_COLLECT_SCHEDULER must be on or off/,
    );
    const clock = { now: () => Date.now(), sleep: async () => {}, rng: () => 0.5 };
    const id = await account(clock);
    const ran: string[] = [];
    const run = async (d: Db, w: string, o: RunOptions) => {
      const r = await runWatch(d, w, o);
      ran.push(r.watch);
      return r;
    };
    const off = scheduler(clock, { ...schedulerFromEnv({ CARECIRCLE_COLLECT_SCHEDULER: 'off' }), run });
    off.start();
    expect(off.nextTick()).toBeNull();
    const on = scheduler(clock, { periodic: true, pattern: '* * * * * *', run });
    on.start();
    expect(on.nextTick()).toBeInstanceOf(Date);
    const until = Date.now() + 15_000;
    while (!ran.length && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    await on.stop();
    await off.stop();
    expect(ran).toEqual([id]);
  });
});
