// Long-running admin work (analysis, ingest) as jobs: started by POST /api/jobs, followed with
// GET /api/jobs/:id. Jobs live in memory (the work itself is written to Neo4j as it goes); one job
// of each kind runs at a time, since two analyses or two ingests would compete for the same writes.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

const JobKind = z.enum(['analyze', 'ingest', 'scan']);
type JobKind = z.infer<typeof JobKind>;

export const Job = z.object({
  id: z.string(),
  kind: JobKind,
  status: z.enum(['running', 'succeeded', 'failed']),
  by: z.string(),
  params: z.record(z.string(), z.unknown()),
  progress: z.object({
    phase: z.string(),
    /** 0..1 when the work knows how far it is, null otherwise. */
    fraction: z.number().min(0).max(1).nullable(),
    message: z.string().nullable(),
  }),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  result: z.unknown().nullable(),
  error: z.string().nullable(),
});
export type Job = z.infer<typeof Job>;

export type ReportProgress = (p: {
  phase: string;
  fraction?: number | null;
  message?: string | null;
}) => void;

export class JobBusyError extends Error {
  override name = 'JobBusyError';
  constructor(readonly running: Job) {
    super(`a ${running.kind} job (${running.id}) is already running`);
  }
}

/** The server is shutting down: it finishes the jobs it has but starts no new one. */
export class JobsClosedError extends Error {
  override name = 'JobsClosedError';
  constructor() {
    super('the server is shutting down and starts no new job; try again once it is back');
  }
}

export class JobStore {
  private readonly jobs = new Map<string, Job>();
  private readonly done = new Map<string, Promise<void>>();
  private draining = false;

  /** Starts the work in the background and returns the job at once. */
  start(
    kind: JobKind,
    by: string,
    params: Record<string, unknown>,
    work: (progress: ReportProgress) => Promise<unknown>,
  ): Job {
    if (this.draining) throw new JobsClosedError();
    const running = [...this.jobs.values()].find((j) => j.kind === kind && j.status === 'running');
    if (running) throw new JobBusyError(running);
    const job: Job = {
      id: randomUUID(),
      kind,
      status: 'running',
      by,
      params,
      progress: { phase: 'starting', fraction: 0, message: null },
      startedAt: new Date().toISOString(),
      finishedAt: null,
      result: null,
      error: null,
    };
    this.jobs.set(job.id, job);
    const report: ReportProgress = (p) => {
      job.progress = {
        phase: p.phase,
        fraction: p.fraction === undefined ? job.progress.fraction : p.fraction,
        message: p.message ?? null,
      };
    };
    this.done.set(
      job.id,
      (async () => {
        try {
          job.result = (await work(report)) ?? null;
          job.status = 'succeeded';
          job.progress = { phase: 'done', fraction: 1, message: null };
        } catch (err) {
          job.status = 'failed';
          job.error = (err as Error)?.message ?? String(err);
        } finally {
          job.finishedAt = new Date().toISOString();
        }
      })(),
    );
    this.prune();
    return job;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  list(): Job[] {
    return [...this.jobs.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  /** Resolves when every job has finished. */
  async settled(): Promise<void> {
    await Promise.all(this.done.values());
  }

  /**
   * Graceful shutdown: refuses new jobs from now on and resolves when the running ones have
   * finished. However long that takes: an ingest of a big file may need minutes, and cutting it
   * short is what a second signal is for.
   */
  drain(): Promise<void> {
    this.draining = true;
    return this.settled();
  }

  /** Keeps the last 100 finished jobs. */
  private prune(): void {
    const finished = this.list().filter((j) => j.status !== 'running');
    for (const j of finished.slice(100)) {
      this.jobs.delete(j.id);
      this.done.delete(j.id);
    }
  }
}
