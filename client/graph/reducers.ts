// Hover, selection, filter matches and warm-introduction paths are drawn by Sigma's reducers from a
// small focus object; the graph itself is never changed for them.
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { DrawEdge, DrawGraph, DrawNode } from './build.ts';
import { DIMMED_COLOR, HIGHLIGHT_EDGE_COLOR, PATH_COLOR } from './style.ts';

export interface Focus {
  hovered: string | null;
  selected: string | null;
  /** Accounts matching the current filters or search; null when nothing narrows the view. */
  matches: ReadonlySet<string> | null;
  /** A warm-introduction path: its nodes and its edges (keys as built by edgeKey). */
  path: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null;
}

/** Up to this many filter matches are all labelled (the label placer still avoids overlaps). */
const LABELLED_MATCHES = 200;

type NodeOut = Partial<NodeDisplayData> & DrawNode;
type EdgeOut = Partial<EdgeDisplayData> & DrawEdge;

export function makeNodeReducer(graph: DrawGraph, focus: Focus) {
  const centre = focus.hovered ?? focus.selected;
  const neighbours = centre && graph.hasNode(centre) ? new Set(graph.neighbors(centre)) : null;
  return (node: string, data: DrawNode): NodeOut => {
    const out: NodeOut = { ...data };
    if (focus.path) {
      if (focus.path.nodes.has(node)) {
        out.forceLabel = true;
        out.zIndex = 2;
        out.borderColor = PATH_COLOR;
        out.borderSize = 0.4;
      } else {
        dim(out);
      }
      return out;
    }
    const outOfMatches = focus.matches !== null && !focus.matches.has(node);
    const outOfFocus = neighbours !== null && node !== centre && !neighbours.has(node);
    if (outOfFocus || (outOfMatches && node !== centre)) dim(out);
    else if (focus.matches && focus.matches.has(node)) {
      out.zIndex = 1;
      // Matches carry their names, so a filter answers "who" on the picture itself; past a few
      // hundred the label placer could only show a fraction anyway.
      if (focus.matches.size <= LABELLED_MATCHES) out.forceLabel = true;
    }
    if (node === centre) {
      out.highlighted = true;
      out.forceLabel = true;
      out.zIndex = 3;
    } else if (neighbours?.has(node)) {
      out.forceLabel = true;
      out.zIndex = 2;
    }
    return out;
  };
}

function dim(out: NodeOut) {
  out.color = DIMMED_COLOR;
  out.borderColor = DIMMED_COLOR;
  out.label = '';
  out.forceLabel = false;
  out.zIndex = 0;
}

export function makeEdgeReducer(graph: DrawGraph, focus: Focus) {
  const centre = focus.hovered ?? focus.selected;
  return (edge: string, data: DrawEdge): EdgeOut => {
    const out: EdgeOut = { ...data };
    if (focus.path) {
      const [s, t] = graph.extremities(edge);
      const onPath = focus.path.edges.has(edge) || focus.path.edges.has(`${t}->${s}`);
      if (onPath) {
        out.color = PATH_COLOR;
        out.size = Math.max(3, data.size * 2);
        out.zIndex = 2;
      } else out.hidden = true;
      return out;
    }
    // A link of a type the analyst unticked stays hidden whatever is in focus.
    if (data.hidden) return out;
    if (centre && graph.hasNode(centre)) {
      if (!graph.hasExtremity(edge, centre)) out.hidden = true;
      else {
        out.color = HIGHLIGHT_EDGE_COLOR;
        out.zIndex = 1;
      }
      return out;
    }
    if (focus.matches) {
      const [s, t] = graph.extremities(edge);
      if (!focus.matches.has(s) || !focus.matches.has(t)) out.hidden = true;
    }
    return out;
  };
}
