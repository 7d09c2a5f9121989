// Moving Sigma's camera to a set of nodes: the box around their drawn positions, with a margin.
import type Sigma from 'sigma';
import type { DrawEdge, DrawNode } from '../../graph/build.ts';

/** Margin around the nodes, as a share of the box; a single node gets a fixed close-up. */
const MARGIN = 1.3;
const SINGLE_NODE_RATIO = 0.3;

export function cameraFor(
  points: readonly { x: number; y: number }[],
): { x: number; y: number; ratio: number } | null {
  if (points.length === 0) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  // Display positions are in Sigma's normalised frame, where ratio 1 shows the whole graph.
  const extent = Math.max(maxX - minX, maxY - minY);
  return {
    x: (minX + maxX) / 2,
    y: (minY + maxY) / 2,
    ratio: points.length === 1 ? SINGLE_NODE_RATIO : Math.min(1, Math.max(0.05, extent * MARGIN)),
  };
}

export function zoomToNodes(sigma: Sigma<DrawNode, DrawEdge>, ids: readonly string[]): void {
  const points = ids.flatMap((id) => {
    const d = sigma.getNodeDisplayData(id);
    return d ? [{ x: d.x, y: d.y }] : [];
  });
  const target = cameraFor(points);
  if (target) void sigma.getCamera().animate(target, { duration: 500 });
}
