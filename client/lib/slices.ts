// Long work split into slices so the page keeps answering: the work is a generator that yields
// between items, and it runs until its time budget is spent, then gives the event loop a turn
// (input, rendering) before carrying on. Building a 100k-edge graph in one go blocked the main
// thread for seconds; in slices no single task runs much past the budget.

export interface SliceOptions {
  /** Time one slice may take before the event loop gets a turn. */
  budgetMs?: number;
  /** Stops between slices; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** For tests: the clock and the way to give the event loop a turn. */
  now?: () => number;
  pause?: () => Promise<void>;
}

const DEFAULT_SLICE_MS = 40;

/**
 * A macrotask turn. A MessageChannel message runs sooner than setTimeout(0), which browsers clamp to
 * 4 ms after a few nested calls, yet still lets input and frames in between.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel === 'undefined') {
      setTimeout(resolve, 0);
      return;
    }
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

/** Runs `work` to its end in time-boxed slices and resolves with its return value. */
export async function runInSlices<T>(work: Generator<unknown, T, void>, opts: SliceOptions = {}): Promise<T> {
  const budget = opts.budgetMs ?? DEFAULT_SLICE_MS;
  const now = opts.now ?? (() => performance.now());
  const pause = opts.pause ?? nextTask;
  let start = now();
  for (;;) {
    opts.signal?.throwIfAborted();
    const step = work.next();
    if (step.done) return step.value;
    if (now() - start >= budget) {
      await pause();
      start = now();
    }
  }
}

/** Runs `work` to its end at once (tests, small graphs, places that cannot wait). */
export function runAtOnce<T>(work: Generator<unknown, T, void>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}
