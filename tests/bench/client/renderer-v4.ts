// Sigma 4 as it comes, for `npm run bench:client`'s comparison (issue: "Sigma by measurement"): the
// same drawn graph (positions, sizes, community colours, labels) and the same settings the app gives
// Sigma 3 where Sigma 4 has them, but none of the app's work-arounds (sliced first refresh,
// progressive edges, warm-up, idle layers), because each of those reaches into Sigma 3's private
// members. Sigma 4's declarative default styles read the x, y, size, color and label attributes the
// builder already sets.
import Sigma from 'sigma-v4';
import type { DrawGraph } from '../../../client/graph/build.ts';
import { rendererSettings } from '../../../client/graph/GraphCanvas.tsx';
import type { BenchRenderer } from './run.ts';

export function openSigma4(
  graph: DrawGraph,
  container: HTMLElement,
  params: URLSearchParams,
): Promise<BenchRenderer> {
  // `&v4=lean` tries Sigma 4 without labels and with a coarser picking pass, to see whether
  // those are what costs (the comparison itself uses the settings the app would use).
  const lean = params.get('v4') === 'lean';
  // The app's own settings (GraphCanvas.tsx rendererSettings) for those Sigma 4 shares with Sigma 3.
  const app = rendererSettings(graph, {}, () => {});
  const shared = {
    labelRenderedSizeThreshold: app.labelRenderedSizeThreshold,
    labelDensity: app.labelDensity,
    labelGridCellSize: app.labelGridCellSize,
    hideEdgesOnMove: app.hideEdgesOnMove,
    hideLabelsOnMove: app.hideLabelsOnMove,
    enableEdgeEvents: app.enableEdgeEvents,
    renderEdgeLabels: app.renderEdgeLabels,
  };
  const sigma = new Sigma(graph, container, {
    settings: {
      ...shared,
      // Sigma 3's unit, which the builder's sizes are in (Sigma 4's default is graph units).
      itemSizesReference: 'screen',
      ...(lean ? { renderLabels: false, pickingDownSizingRatio: 4 } : {}),
    },
  });
  // The constructor processes the graph and draws the first frame in its own task, as Sigma 3's does.
  return Promise.resolve(sigma as unknown as BenchRenderer);
}
