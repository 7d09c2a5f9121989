// Loading a large graph without freezing the page: the time-sliced runner, the builder run in slices
// (same graph as at once), the slice size of the progressive edge drawing, and which WebGL layers
// stay displayed.
import { describe, expect, it } from 'vitest';
import { runInSlices, runAtOnce } from '../../../client/lib/slices.ts';
import { buildDrawGraph, buildDrawGraphInSlices } from '../../../client/graph/build.ts';
import { syntheticGraph } from '../../../tests/bench/client/synthetic.ts';
import { FIRST_CHUNK, MAX_FRAMES, nextChunk, TARGET_FRAME_MS } from '../../../client/graph/edge-chunks.ts';
import { visibleLayers } from '../../../client/graph/idle-layers.ts';

function* counter(n: number, cost: number, clock: { t: number }): Generator<void, number, void> {
  for (let i = 0; i < n; i++) {
    clock.t += cost;
    yield;
  }
  return n;
}

describe('runInSlices', () => {
  it('gives the event loop a turn each time the budget is spent, and returns the result', async () => {
    const clock = { t: 0 };
    let pauses = 0;
    const started: number[] = [];
    const result = await runInSlices(counter(100, 1, clock), {
      budgetMs: 10,
      now: () => clock.t,
      pause: () => {
        pauses++;
        started.push(clock.t);
        return Promise.resolve();
      },
    });
    expect(result).toBe(100);
    // 100 ms of work in slices of 10 ms.
    expect(pauses).toBe(10);
    // No slice ran past its budget.
    for (let i = 1; i < started.length; i++) expect(started[i]! - started[i - 1]!).toBeLessThanOrEqual(10);
  });

  it('does not pause work that fits in one slice', async () => {
    const clock = { t: 0 };
    let pauses = 0;
    await runInSlices(counter(5, 1, clock), {
      budgetMs: 10,
      now: () => clock.t,
      pause: () => Promise.resolve(void pauses++),
    });
    expect(pauses).toBe(0);
  });

  it('stops between slices when aborted', async () => {
    const clock = { t: 0 };
    const abort = new AbortController();
    const run = runInSlices(counter(100, 1, clock), {
      budgetMs: 10,
      signal: abort.signal,
      now: () => clock.t,
      pause: () => {
        abort.abort(new Error('left the page'));
        return Promise.resolve();
      },
    });
    await expect(run).rejects.toThrow('left the page');
    expect(clock.t).toBeLessThan(100);
  });

  it('runAtOnce runs the same work to the end', () => {
    expect(runAtOnce(counter(7, 1, { t: 0 }))).toBe(7);
  });
});

describe('buildDrawGraphInSlices', () => {
  it('builds the same graph as buildDrawGraph, pausing on the way', async () => {
    const data = syntheticGraph({ nodes: 1500, edges: 9000, seed: 3 });
    // Duplicates and a self-loop from the API are dropped by both.
    data.edges.push({ ...data.edges[0]! }, { source: 'bench:1', target: 'bench:1', weight: 1 });
    let pauses = 0;
    let t = 0;
    const sliced = await buildDrawGraphInSlices(
      data,
      {},
      {
        budgetMs: 5,
        now: () => (t += 1),
        pause: () => Promise.resolve(void pauses++),
      },
    );
    const whole = buildDrawGraph(data);
    expect(pauses).toBeGreaterThan(5);
    expect(sliced.order).toBe(whole.order);
    expect(sliced.size).toBe(whole.size);
    expect(sliced.export()).toEqual(whole.export());
  });
});

describe('nextChunk (progressive edge drawing)', () => {
  it('draws more per frame when frames are quick and fewer when they are slow', () => {
    expect(nextChunk(FIRST_CHUNK, TARGET_FRAME_MS / 2)).toBeGreaterThan(FIRST_CHUNK);
    expect(nextChunk(FIRST_CHUNK, TARGET_FRAME_MS * 2)).toBeLessThan(FIRST_CHUNK);
    expect(nextChunk(FIRST_CHUNK, TARGET_FRAME_MS)).toBe(FIRST_CHUNK);
  });

  it('changes by at most a factor of two per frame and stays within bounds', () => {
    expect(nextChunk(10_000, 1)).toBe(20_000);
    expect(nextChunk(10_000, 10_000)).toBe(5_000);
    expect(nextChunk(2_000, 10_000)).toBe(2_000);
    expect(nextChunk(200_000, 1)).toBe(200_000);
  });

  it('finishes within MAX_FRAMES frames however slow the frames are', () => {
    const total = 250_000;
    let chunk = FIRST_CHUNK;
    let drawn = 0;
    let frames = 0;
    while (drawn < total) {
      chunk = nextChunk(chunk, 1_000, total);
      drawn += chunk;
      frames++;
    }
    expect(frames).toBeLessThanOrEqual(MAX_FRAMES);
  });

  it('keeps the size when there is no frame time to go by', () => {
    expect(nextChunk(9_000, 0)).toBe(9_000);
    expect(nextChunk(9_000, Number.NaN)).toBe(9_000);
  });
});

describe('visibleLayers', () => {
  it('takes the edge layer out only while the camera moves with edges hidden on move', () => {
    expect(visibleLayers({ moving: true, hideEdgesOnMove: true, highlighted: false }).edges).toBe(false);
    expect(visibleLayers({ moving: false, hideEdgesOnMove: true, highlighted: false }).edges).toBe(true);
    expect(visibleLayers({ moving: true, hideEdgesOnMove: false, highlighted: false }).edges).toBe(true);
  });

  it('shows the hover layer only when a node is hovered or highlighted', () => {
    expect(visibleLayers({ moving: false, hideEdgesOnMove: true, highlighted: false }).hoverNodes).toBe(
      false,
    );
    expect(visibleLayers({ moving: true, hideEdgesOnMove: true, highlighted: true }).hoverNodes).toBe(true);
  });
});
