// Node labels that never sit on top of each other.
//
// Sigma draws the labels its grid picks plus every label forced on (the top accounts, the hovered or
// selected node and its neighbours) wherever they fall, so on a dense picture forced labels were
// drawn across each other. Here Sigma's label drawing only collects what it would draw; after the
// frame the labels are placed in order of importance (highlighted, then forced, then larger nodes)
// and one whose box would cross an already placed label is left out.
import type Sigma from 'sigma';
import { drawDiscNodeLabel } from 'sigma/rendering';
import type { Attributes } from 'graphology-types';
import type { NodeLabelDrawingFunction } from 'sigma/rendering';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import type { Settings } from 'sigma/settings';
import { labelBox, placeLabels, type LabelBox } from './label-placement.ts';

type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'>;

/**
 * Label placement for one renderer: `collect` goes into Sigma's settings as defaultDrawNodeLabel (set
 * at construction, since changing a setting later reprocesses the whole graph), then `attach` once the
 * renderer exists; it also draws what the constructor's first render collected.
 */
export function labelPlacer<N extends Attributes, E extends Attributes>() {
  let pending: { data: LabelData; settings: Settings<N, E>; box: LabelBox }[] = [];
  const collect: NodeLabelDrawingFunction<N, E> = (context, data, settings) => {
    if (!data.label) return;
    context.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    const width = context.measureText(data.label).width;
    pending.push({ data: { ...data }, settings, box: labelBox(data, width, settings.labelSize) });
  };
  const flush = (sigma: Sigma<N, E>) => {
    const context = pending.length > 0 ? sigma.getCanvases().labels?.getContext('2d') : null;
    if (context) {
      const boxes = pending.map((p, i) => ({ ...p.box, i }));
      for (const b of placeLabels(boxes))
        drawDiscNodeLabel(context, pending[b.i]!.data, pending[b.i]!.settings);
    }
    pending = [];
  };
  const attach = (sigma: Sigma<N, E>) => {
    sigma.on('beforeRender', () => {
      pending = [];
    });
    sigma.on('afterRender', () => flush(sigma));
    flush(sigma);
  };
  return { collect, attach };
}
