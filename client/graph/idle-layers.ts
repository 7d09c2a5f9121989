// Takes Sigma's WebGL layers out of the page while they have nothing to show.
//
// Sigma clears all its WebGL canvases on every frame, also the edge layer while edges are hidden
// during a pan and the layer for hovered nodes when nothing is hovered. Without a GPU, Chromium's
// software compositor reads each WebGL canvas back on the main thread at every frame, empty or not:
// at 10k nodes that was about half of each frame of a pan. A canvas that is not displayed is not read
// back, so the empty layers are set to display:none until they have something to draw.
import type Sigma from 'sigma';
import type { Attributes } from 'graphology-types';
import { cameraMoving } from './motion.ts';

interface LayerState {
  /** The camera is moving (animation, drag or wheel), as Sigma decides when it hides edges. */
  moving: boolean;
  hideEdgesOnMove: boolean;
  /** A node is hovered or drawn highlighted (the hover layer has something to show). */
  highlighted: boolean;
}

/** Which layers are worth compositing in a given state. */
export function visibleLayers(s: LayerState): { edges: boolean; hoverNodes: boolean } {
  return { edges: !(s.hideEdgesOnMove && s.moving), hoverNodes: s.highlighted };
}

/**
 * Keeps the edge and hover layers of `sigma` displayed only while they show something.
 * `highlighted` tells whether the reducers currently mark a node highlighted (selection); hover is
 * followed here from Sigma's own events, so the hovered node shows at once.
 */
export function hideIdleLayers<N extends Attributes, E extends Attributes>(
  sigma: Sigma<N, E>,
  highlighted: () => boolean = () => false,
): void {
  let hovered = false;
  const canvases = sigma.getCanvases();
  const apply = () => {
    const show = visibleLayers({
      moving: cameraMoving(sigma),
      hideEdgesOnMove: sigma.getSetting('hideEdgesOnMove'),
      highlighted: hovered || highlighted(),
    });
    setShown(canvases.edges, show.edges);
    setShown(canvases.hoverNodes, show.hoverNodes);
  };
  sigma.on('beforeRender', apply);
  sigma.on('enterNode', () => {
    hovered = true;
    apply();
  });
  sigma.on('leaveNode', () => {
    hovered = false;
    apply();
  });
}

function setShown(canvas: HTMLCanvasElement | undefined, shown: boolean): void {
  if (!canvas) return;
  const display = shown ? '' : 'none';
  if (canvas.style.display !== display) canvas.style.display = display;
}
