import { describe, expect, it } from 'vitest';
import { JobBusyError, JobsClosedError, JobStore } from '../../../server/jobs/store.ts';

/** A job whose work the test finishes when it wants to. */
function controllable() {
  let finish!: (v: unknown) => void;
  const work = () => new Promise<unknown>((resolve) => (finish = resolve));
  return { work, finish: (v: unknown) => finish(v) };
}

describe('JobStore', () => {
  it('runs one job of a kind at a time', () => {
    const store = new JobStore();
    const first = controllable();
    store.start('ingest', 'admin', {}, first.work);
    expect(() => store.start('ingest', 'admin', {}, async () => null)).toThrow(JobBusyError);
    // Another kind may run beside it.
    expect(store.start('analyze', 'admin', {}, async () => null).status).toBe('running');
  });

  it('drain refuses new jobs and resolves only once the running one has finished', async () => {
    const store = new JobStore();
    const slow = controllable();
    const job = store.start('ingest', 'admin', {}, slow.work);
    let drained = false;
    const draining = store.drain().then(() => (drained = true));
    expect(() => store.start('analyze', 'admin', {}, async () => null)).toThrow(JobsClosedError);
    await new Promise((r) => setTimeout(r, 20));
    expect(drained).toBe(false);
    expect(store.get(job.id)?.status).toBe('running');
    slow.finish({ loaded: 3 });
    await draining;
    expect(drained).toBe(true);
    expect(store.get(job.id)).toMatchObject({ status: 'succeeded', result: { loaded: 3 } });
  });
});
