// Watches in the graph: saved definitions, their cursors, the run history, and the lease that keeps
// two processes from running one watch at once. The collector (collect/run.ts) and the server call
// these; the page commit runs inside the transaction that writes the page's batch.
import { randomUUID } from 'node:crypto';
import { DEFAULT_BASE_URL, Watch, WatchInput, WatchRun, watchId, type Platform } from '../collect/watches.ts';
import { appendAudit } from './audit.ts';
import { loadCypher } from './cypher.ts';
import { ConstraintViolationError, int, type Db, type Tx } from './db.ts';
import { inDomainTx } from './domain-tx.ts';
import { Conflict, Invalid, NotFound } from './errors.ts';

/** Where a pass over the pages stands: the next page's URL and the newest item seen in this pass. */
export interface PageState {
  next: string;
  high: string | null;
}

/** What a run needs of its watch (the stored definition and cursors). */
export interface WatchState {
  id: string;
  platform: Platform;
  kind: Watch['kind'];
  target: string;
  baseUrl: string;
  intervalMinutes: number;
  since: string | null;
  until: string | null;
  /** The newest item a finished pass saw: the next pass stops there (since_id, min time …). */
  cursor: string | null;
  /** Set while a pass is under way: where it goes on after a crash. */
  page: PageState | null;
}

const RUNS_KEPT = 50;

const iso = (ms: number) => new Date(ms).toISOString();

function runOf(r: Record<string, unknown> | null | undefined): WatchRun | null {
  if (!r) return null;
  return WatchRun.parse({
    ...r,
    finishedAt: r.finishedAt ?? null,
    error: r.error ?? null,
  });
}

/**
 * Saves a new watch; with `actor`, its audit entry (`watch.create`, the definition) is written in the
 * same transaction.
 */
export async function createWatch(db: Db, input: unknown, now = Date.now(), actor?: string): Promise<string> {
  const parsed = WatchInput.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      field: i.path.join('.') || 'watch',
      message: i.message,
    }));
    throw new Invalid(issues.map((i) => `${i.field} ${i.message}`).join('; '), issues);
  }
  const w = parsed.data;
  const id = w.id ?? watchId(w);
  const definition = {
    id,
    platform: w.platform,
    kind: w.kind,
    target: w.target,
    baseUrl: (w.baseUrl ?? DEFAULT_BASE_URL[w.platform]!).replace(/\/+$/, ''),
    intervalMinutes: w.intervalMinutes,
    since: w.since ?? null,
    until: w.until ?? null,
  };
  try {
    await db.writeTx(async (tx) => {
      await tx.run(loadCypher('watches/create'), {
        ...definition,
        intervalMinutes: int(w.intervalMinutes),
        now: iso(now),
      });
      if (actor) await audit(tx, actor, 'watch.create', id, null, definition);
    }, 'watches/create');
  } catch (err) {
    if (err instanceof ConstraintViolationError)
      throw new Conflict(`a watch with id ${id} exists already; give another --id`, [
        { field: 'id', message: 'is taken' },
      ]);
    throw err;
  }
  return id;
}

function audit(tx: Tx, actor: string, action: string, id: string, before: unknown, after: unknown) {
  return appendAudit(tx, { actor, action, target: `watch:${id}`, before, after });
}

/** Runs `statement` on one watch and, with `actor`, audits it in the same transaction; 404 when missing. */
async function changeWatch(
  db: Db,
  id: string,
  statement: string,
  params: Record<string, unknown>,
  change?: { actor: string; action: string; before: unknown; after: unknown },
): Promise<void> {
  await inDomainTx(() =>
    db.writeTx(async (tx) => {
      const rows = await tx.run(loadCypher(statement), { id, ...params });
      if (!rows.length || (rows[0]!.removed !== undefined && Number(rows[0]!.removed) === 0))
        throw new NotFound(`no watch ${id}`);
      if (change) await audit(tx, change.actor, change.action, id, change.before, change.after);
    }, statement),
  );
}

export async function listWatches(
  db: Db,
  tokenSet: (p: Platform) => boolean,
  opts: { id?: string; limit?: number; now?: number } = {},
): Promise<Watch[]> {
  const now = opts.now ?? Date.now();
  const rows = await db.read(loadCypher('watches/list'), {
    id: opts.id ?? null,
    limit: int(opts.limit ?? 500),
  });
  return rows.map((row) => {
    const w = row.watch as Record<string, unknown>;
    return Watch.parse({
      id: w.id,
      platform: w.platform,
      kind: w.kind,
      target: w.target,
      baseUrl: w.baseUrl,
      intervalMinutes: w.intervalMinutes,
      since: w.since ?? null,
      until: w.until ?? null,
      paused: w.paused === true,
      createdAt: w.createdAt,
      nextRunAt: w.nextRunAt ?? null,
      running: typeof w.leaseUntil === 'number' && w.leaseUntil > now,
      tokenSet: tokenSet(w.platform as Platform),
      lastRun: runOf(row.lastRun as Record<string, unknown> | null),
    });
  });
}

export async function getWatch(db: Db, tokenSet: (p: Platform) => boolean, id: string): Promise<Watch> {
  const [w] = await listWatches(db, tokenSet, { id, limit: 1 });
  if (!w) throw new NotFound(`no watch ${id}`);
  return w;
}

export async function listRuns(db: Db, id: string, limit = 20): Promise<WatchRun[]> {
  const rows = await db.read(loadCypher('watches/runs'), { id, limit: int(limit) });
  return rows.map((r) => runOf(r.run as Record<string, unknown>)!);
}

export async function setPaused(
  db: Db,
  id: string,
  paused: boolean,
  now = Date.now(),
  actor?: string,
): Promise<void> {
  await changeWatch(
    db,
    id,
    'watches/set-paused',
    { paused, now: iso(now) },
    actor
      ? {
          actor,
          action: paused ? 'watch.pause' : 'watch.resume',
          before: { paused: !paused },
          after: { paused },
        }
      : undefined,
  );
}

/** Makes a watch due now (`watch.run-now` in the audit log when an actor asks). */
export async function makeDue(db: Db, id: string, now = Date.now(), actor?: string): Promise<void> {
  await changeWatch(
    db,
    id,
    'watches/run-now',
    { now: iso(now) },
    actor ? { actor, action: 'watch.run-now', before: null, after: { nextRunAt: iso(now) } } : undefined,
  );
}

/** Deletes a watch and its runs; the audit entry keeps its definition. */
export async function removeWatch(db: Db, id: string, actor?: string): Promise<void> {
  let before: unknown = null;
  if (actor) {
    const [row] = await db.read(loadCypher('watches/list'), { id, limit: int(1) });
    const w = row?.watch as Record<string, unknown> | undefined;
    if (w)
      before = {
        platform: w.platform,
        kind: w.kind,
        target: w.target,
        baseUrl: w.baseUrl,
        intervalMinutes: w.intervalMinutes,
      };
  }
  await changeWatch(
    db,
    id,
    'watches/remove',
    {},
    actor ? { actor, action: 'watch.remove', before, after: null } : undefined,
  );
}

export async function resetCursor(db: Db, id: string): Promise<void> {
  const rows = await db.write(loadCypher('watches/reset-cursor'), { id });
  if (!rows.length) throw new NotFound(`no watch ${id}`);
}

export async function dueWatches(db: Db, now = Date.now(), limit = 100): Promise<string[]> {
  const rows = await db.read(loadCypher('watches/due'), { now: iso(now), nowMs: now, limit: int(limit) });
  return rows.map((r) => String(r.id));
}

export interface Lease {
  owner: string;
  runId: string;
  ms: number;
}

/** Takes the lease and opens a run, or throws Conflict when another process holds it. */
export async function acquireLease(
  db: Db,
  id: string,
  owner: string,
  leaseMs: number,
  now = Date.now(),
): Promise<{ lease: Lease; state: WatchState }> {
  const runId = randomUUID();
  const rows = await db.write(loadCypher('watches/acquire'), {
    id,
    owner,
    runId,
    nowMs: now,
    until: now + leaseMs,
    now: iso(now),
  });
  if (!rows.length) {
    const exists = await db.read(loadCypher('watches/list'), { id, limit: int(1) });
    if (!exists.length) throw new NotFound(`no watch ${id}`);
    throw new Conflict(`watch ${id} is being run by another process; try again when it has finished`);
  }
  const w = rows[0]!.watch as Record<string, unknown>;
  return {
    lease: { owner, runId, ms: leaseMs },
    state: {
      id: String(w.id),
      platform: w.platform as Platform,
      kind: w.kind as Watch['kind'],
      target: String(w.target),
      baseUrl: String(w.baseUrl),
      intervalMinutes: Number(w.intervalMinutes),
      since: (w.since as string | null) ?? null,
      until: (w.until as string | null) ?? null,
      cursor: (w.cursor as string | null) ?? null,
      page: typeof w.page === 'string' ? (JSON.parse(w.page) as PageState) : null,
    },
  };
}

class LeaseLost extends Conflict {
  override name = 'LeaseLost';
}

/** In the batch's transaction: moves the cursors on and counts the page; throws when the lease is gone. */
export async function commitPage(
  tx: Tx,
  id: string,
  lease: Lease,
  change: {
    page: PageState | null;
    cursor: string | null;
    posts: number;
    interactions: number;
    rejected: number;
  },
  now = Date.now(),
): Promise<void> {
  const rows = await tx.run(loadCypher('watches/commit-page'), {
    id,
    owner: lease.owner,
    runId: lease.runId,
    until: now + lease.ms,
    page: change.page ? JSON.stringify(change.page) : null,
    cursor: change.cursor,
    posts: int(change.posts),
    interactions: int(change.interactions),
    rejected: int(change.rejected),
  });
  if (!rows.length) throw new LeaseLost(`watch ${id}: another process took over this run (lease expired)`);
}

export async function finishRun(
  db: Db,
  id: string,
  lease: Lease,
  result: { status: 'done' | 'failed'; error: string | null; nextRunAt: number },
  now = Date.now(),
): Promise<WatchRun | null> {
  const [row] = await db.write(loadCypher('watches/finish'), {
    id,
    owner: lease.owner,
    runId: lease.runId,
    status: result.status,
    error: result.error,
    nextRunAt: iso(result.nextRunAt),
    now: iso(now),
  });
  await db.write(loadCypher('watches/prune-runs'), { id, keep: int(RUNS_KEPT) });
  return runOf(row?.run as Record<string, unknown> | undefined);
}
