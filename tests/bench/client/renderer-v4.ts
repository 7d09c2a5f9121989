// Sigma 4 as it comes, for `npm run bench:client`'s comparison (issue: "Sigma by measurement"): the
// same drawn graph (positions, sizes, community colours, labels) and the same settings the app gives
// Sigma 3 where Sigma 4 has them, but none of the app's work-arounds (sliced first refresh,
// progressive edges, warm-up, idle layers), because each of those reaches into Sigma 3's private
// members. Sigma 4's declarative default styles read the x, y, size, color and label attributes the
// builder already sets.
import Sigma from 'sigma-v4';
import type { DrawGraph } from '../../../client/graph/build.ts';
import type { BenchRenderer } from './run.ts';

export function openSigma4(
  graph: DrawGraph,
  container: HTMLElement,
  params: URLSearchParams,
): Promise<BenchRenderer> {
  // `&v4=lean` tries Sigma 4 without labels and with a coarser picking pass, to see whether
  // those are what costs (the comparison itself uses the settings the app would use).
  const lean = params.get('v4') === 'lean';
  // The constructor processes the graph and draws the first frame in its own task, as Sigma 3's does.
  const sigma = new Sigma(graph, container, {
    settings: {
      // Sigma 3's unit, which the builder's sizes are in (Sigma 4's default is graph units).
      itemSizesReference: 'screen',
      labelRenderedSizeThreshold: 7,
      labelDensity: 1,
      labelGridCellSize: 120,
      hideEdgesOnMove: graph.size > 2_000,
      hideLabelsOnMove: graph.order > 5_000,
      enableEdgeEvents: false,
      renderEdgeLabels: false,
      ...(lean ? { renderLabels: false, pickingDownSizingRatio: 4 } : {}),
    },
  });
  return Promise.resolve(sigma as unknown as BenchRenderer);
}
