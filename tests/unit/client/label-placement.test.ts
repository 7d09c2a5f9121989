// Labels on the graph must not be drawn across each other; the more important one wins.
import { describe, expect, it } from 'vitest';
import { labelBox, placeLabels } from '../../../client/graph/label-placement.ts';

const box = (x: number, y: number, priority: number, width = 80) => ({ x, y, width, height: 14, priority });

describe('placeLabels', () => {
  it('drops a label that would cross one of higher priority, keeps those that are apart', () => {
    const big = box(100, 100, 10);
    const crossing = box(150, 105, 5);
    const apart = box(100, 200, 1);
    const kept = placeLabels([crossing, apart, big]);
    expect(kept).toContain(big);
    expect(kept).toContain(apart);
    expect(kept).not.toContain(crossing);
  });

  it('leaves no two kept labels overlapping on a crowded picture', () => {
    const candidates = Array.from({ length: 300 }, (_, i) => box((i * 37) % 600, (i * 53) % 400, i % 17));
    const kept = placeLabels(candidates);
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.length).toBeLessThan(candidates.length);
    for (const a of kept)
      for (const b of kept)
        if (a !== b)
          expect(
            a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height,
          ).toBe(false);
  });
});

describe('labelBox', () => {
  it('puts the box right of the node and ranks highlighted over forced over larger nodes', () => {
    const b = labelBox({ x: 10, y: 50, size: 5 }, 60, 14);
    expect(b.x).toBe(18);
    expect(b.width).toBe(60);
    expect(b.y).toBeLessThan(50);
    expect(b.y + b.height).toBeGreaterThan(50);
    const plainBig = labelBox({ x: 0, y: 0, size: 12 }, 10, 14).priority;
    const forcedSmall = labelBox({ x: 0, y: 0, size: 2, forceLabel: true }, 10, 14).priority;
    const highlighted = labelBox(
      { x: 0, y: 0, size: 2, highlighted: true, forceLabel: true },
      10,
      14,
    ).priority;
    expect(forcedSmall).toBeGreaterThan(plainBig);
    expect(highlighted).toBeGreaterThan(forcedSmall);
  });
});
