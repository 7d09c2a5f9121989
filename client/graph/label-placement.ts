// Choosing node labels that do not overlap (used by labels.ts); plain geometry, no WebGL, so it can
// be tested on its own.

export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Higher is placed first. */
  priority: number;
}

/** Space kept free around each label. */
const MARGIN = 2;

const overlaps = (a: LabelBox, b: LabelBox) =>
  a.x < b.x + b.width + MARGIN &&
  b.x < a.x + a.width + MARGIN &&
  a.y < b.y + b.height + MARGIN &&
  b.y < a.y + a.height + MARGIN;

/** The labels to draw: greedily by priority, each only if it crosses none already kept. */
export function placeLabels<T extends LabelBox>(candidates: readonly T[]): T[] {
  const kept: T[] = [];
  const order = [...candidates].sort((a, b) => b.priority - a.priority);
  for (const c of order) if (!kept.some((k) => overlaps(k, c))) kept.push(c);
  return kept;
}

/** Where drawDiscNodeLabel puts the text: right of the node, baseline a third of a line below it. */
export function labelBox(
  data: { x: number; y: number; size: number; highlighted?: boolean; forceLabel?: boolean },
  textWidth: number,
  fontSize: number,
): LabelBox {
  const priority = (data.highlighted ? 2e6 : 0) + (data.forceLabel ? 1e6 : 0) + data.size;
  return {
    x: data.x + data.size + 3,
    y: data.y - (2 * fontSize) / 3,
    width: textWidth,
    height: fontSize,
    priority,
  };
}
