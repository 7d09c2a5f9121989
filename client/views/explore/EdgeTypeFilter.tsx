// Which link colour is which interaction type, with a checkbox per type: unticked types are hidden
// from the picture (a link stays while any ticked type occurred on it). Counts are links in view.
import type { GraphEdgeData } from '../../api/types.ts';
import { EDGE_TYPE_COLORS, EDGE_TYPE_LABELS, EDGE_TYPES, type EdgeType } from '../../graph/style.ts';

/** Links in view that carry each type, and how many of them the chosen types keep. */
function edgeTypeCounts(edges: readonly GraphEdgeData[], shown: ReadonlySet<EdgeType>) {
  const byType = Object.fromEntries(EDGE_TYPES.map((t) => [t, 0])) as Record<EdgeType, number>;
  let kept = 0;
  let typed = 0;
  for (const e of edges) {
    if (!e.types) continue;
    typed++;
    let keep = false;
    for (const t of EDGE_TYPES) {
      if (e.types[t] > 0) {
        byType[t]++;
        if (shown.has(t)) keep = true;
      }
    }
    if (keep) kept++;
  }
  return { byType, kept, typed };
}

export function EdgeTypeFilter(props: {
  edges: readonly GraphEdgeData[];
  shown: ReadonlySet<EdgeType>;
  onChange: (shown: ReadonlySet<EdgeType>) => void;
}) {
  const { byType, kept, typed } = edgeTypeCounts(props.edges, props.shown);
  if (typed === 0) return null;
  const toggle = (t: EdgeType, on: boolean) => {
    const next = new Set(props.shown);
    if (on) next.add(t);
    else next.delete(t);
    props.onChange(next);
  };
  return (
    <fieldset className="legend edge-types">
      <legend>Links by type</legend>
      {EDGE_TYPES.map((t) => (
        <label key={t}>
          <input type="checkbox" checked={props.shown.has(t)} onChange={(e) => toggle(t, e.target.checked)} />
          <span className="line-swatch" style={{ background: EDGE_TYPE_COLORS[t] }} aria-hidden="true" />
          {EDGE_TYPE_LABELS[t]} <span className="muted">{byType[t]}</span>
        </label>
      ))}
      <span className="muted" data-testid="links-shown">
        {kept === typed ? `all ${typed} links shown` : `${kept} of ${typed} links shown`}
      </span>
    </fieldset>
  );
}
