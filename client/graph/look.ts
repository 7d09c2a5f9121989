// The chosen look applied to the drawn graph in place (no rebuild, positions kept): node size and
// fill from style.ts, link colour by type and links of unticked types hidden.
import { EDGE_COLOR, STAGE_RING, type DrawGraph } from './build.ts';
import {
  categoryColors,
  categoryLegend,
  edgeLook,
  isCategoryColor,
  nodeLook,
  STAGE_COLORS,
  type EdgeType,
  type Look,
} from './style.ts';

/** Size and fill from the look (style.ts decides both); the stage ring stays unless fill shows stage. */
export function applyLook(graph: DrawGraph, look: Look, topicScores: ReadonlyMap<string, number> | null) {
  let maxScore = 0;
  let maxDegree = 0;
  let maxFollowers = 0;
  let maxTopic = 0;
  graph.forEachNode((id, a) => {
    maxScore = Math.max(maxScore, a.score ?? 0);
    maxDegree = Math.max(maxDegree, graph.degree(id));
    maxFollowers = Math.max(maxFollowers, a.followers ?? 0);
    maxTopic = Math.max(maxTopic, topicScores?.get(id) ?? 0);
  });
  const category = isCategoryColor(look.color)
    ? categoryColors(
        categoryLegend(
          look.color,
          graph.mapNodes((_, a) => a),
        ),
      )
    : undefined;
  graph.updateEachNodeAttributes((id, a) => {
    const { size, color } = nodeLook(look, a, {
      maxScore,
      degree: graph.degree(id),
      maxDegree,
      maxFollowers,
      topicScore: topicScores?.get(id) ?? null,
      maxTopic,
      category,
    });
    // The stage ring, unless the fill already shows the stage (as built: build.ts).
    const ring =
      look.color === 'stage' || !a.stage
        ? { borderColor: color, borderSize: 0 }
        : { borderColor: STAGE_COLORS[a.stage], borderSize: STAGE_RING };
    return { ...a, size, color, ...ring };
  });
}

/** Link colours by type, and links of no chosen type hidden (the graph keeps them). */
export function applyEdgeTypes(graph: DrawGraph, shown: ReadonlySet<EdgeType>) {
  graph.updateEachEdgeAttributes((_, a) => ({ ...a, ...edgeLook(a.types, shown, EDGE_COLOR) }));
}
