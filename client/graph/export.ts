// Exports of the current view: PNG through @sigma/export-image with a title, the labels and a legend
// drawn around it, GEXF through graphology-gexf (with viz colour, size and position), and GraphML
// written here (graphology-graphml only parses) with the same attributes under keys Gephi reads
// (r, g, b, size, x, y).
import { write as writeGexf } from 'graphology-gexf/browser';
import type Sigma from 'sigma';
import type { DrawEdge, DrawGraph, DrawNode } from './build.ts';
import { labelBox, placeLabels } from './label-placement.ts';

export interface LegendEntry {
  color: string;
  label: string;
  /** A ring (outreach stage) rather than a filled disc (community). */
  ring?: boolean;
  /** A short line (a link type) rather than a disc. */
  line?: boolean;
}

interface PngOptions {
  title: string;
  subtitle?: string;
  legend: readonly LegendEntry[];
  fileName?: string;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const PAD = 16;
const TITLE_H = 56;
const LEGEND_ROW = 22;
/** Width of a legend column: room for a community's three hashtags. */
const LEGEND_COLUMN = 300;
/** Labels written on the picture: the largest nodes and every one the view forces (matches, path). */
const PNG_LABELS = 60;

/** The picture with a title above, the node labels placed without overlaps, and the legend below. */
async function renderPng(sigma: Sigma<DrawNode, DrawEdge>, opts: PngOptions): Promise<HTMLCanvasElement> {
  // Only the edge and node layers: labels are drawn here, since our label placer draws on the live
  // renderer's canvas after each frame and a temporary renderer would not place them.
  // Loaded on first use: it pulls in Sigma's WebGL side, which the GEXF and GraphML writers here do not need.
  const { drawOnCanvas } = await import('@sigma/export-image');
  const picture = await drawOnCanvas(sigma as unknown as Sigma, {
    backgroundColor: '#ffffff',
    layers: ['edges', 'nodes'],
  });
  const width = picture.width;
  const ratio = width / Math.max(1, sigma.getContainer().offsetWidth);
  const columns = Math.max(1, Math.floor(width / (LEGEND_COLUMN * ratio)));
  const legendRows = Math.ceil(opts.legend.length / columns);
  const legendH = legendRows > 0 ? PAD * ratio + legendRows * LEGEND_ROW * ratio : 0;
  const out = document.createElement('canvas');
  out.width = width;
  out.height = Math.round(TITLE_H * ratio + picture.height + legendH + PAD * ratio);
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('PNG export: this browser gives no 2D canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = '#1d2433';
  ctx.font = `600 ${20 * ratio}px ${FONT}`;
  ctx.fillText(opts.title, PAD * ratio, 28 * ratio);
  if (opts.subtitle) {
    ctx.fillStyle = '#5b6478';
    ctx.font = `${13 * ratio}px ${FONT}`;
    ctx.fillText(opts.subtitle, PAD * ratio, 47 * ratio);
  }
  const top = TITLE_H * ratio;
  ctx.drawImage(picture, 0, top);
  drawLabels(ctx, sigma, ratio, top);
  ctx.font = `${13 * ratio}px ${FONT}`;
  opts.legend.forEach((e, i) => {
    const x = PAD * ratio + (i % columns) * LEGEND_COLUMN * ratio;
    const y = top + picture.height + PAD * ratio + Math.floor(i / columns) * LEGEND_ROW * ratio;
    ctx.beginPath();
    if (e.line) {
      ctx.fillStyle = e.color;
      ctx.fillRect(x - 2 * ratio, y + 4 * ratio, 16 * ratio, 4 * ratio);
    } else ctx.arc(x + 6 * ratio, y + 6 * ratio, 6 * ratio, 0, 2 * Math.PI);
    if (e.line) {
      // drawn above
    } else if (e.ring) {
      ctx.lineWidth = 3 * ratio;
      ctx.strokeStyle = e.color;
      ctx.stroke();
    } else {
      ctx.fillStyle = e.color;
      ctx.fill();
    }
    ctx.fillStyle = '#1d2433';
    ctx.fillText(clip(ctx, e.label, (LEGEND_COLUMN - 30) * ratio), x + 18 * ratio, y + 11 * ratio);
  });
  return out;
}

function clip(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let t = text;
  while (t.length > 1 && ctx.measureText(`${t}…`).width > max) t = t.slice(0, -1);
  return `${t}…`;
}

function drawLabels(
  ctx: CanvasRenderingContext2D,
  sigma: Sigma<DrawNode, DrawEdge>,
  ratio: number,
  top: number,
) {
  const graph = sigma.getGraph();
  const size = 12 * ratio;
  ctx.font = `500 ${size}px ${FONT}`;
  const candidates: (ReturnType<typeof labelBox> & { text: string })[] = [];
  graph.forEachNode((id, a) => {
    const shown = sigma.getNodeDisplayData(id);
    if (!shown || shown.hidden || !shown.label) return;
    // Display data is in Sigma's framed (normalised) coordinates, not the graph's own.
    const p = sigma.framedGraphToViewport(shown);
    const d = { x: p.x * ratio, y: p.y * ratio + top, size: shown.size * ratio, forceLabel: a.forceLabel };
    candidates.push({ ...labelBox(d, ctx.measureText(shown.label).width, size), text: shown.label });
  });
  candidates.sort((a, b) => b.priority - a.priority);
  ctx.fillStyle = '#1d2433';
  for (const l of placeLabels(candidates.slice(0, PNG_LABELS * 3)).slice(0, PNG_LABELS)) {
    ctx.fillText(l.text, l.x, l.y + (2 * size) / 3);
  }
}

export async function exportPng(sigma: Sigma<DrawNode, DrawEdge>, opts: PngOptions): Promise<void> {
  const canvas = await renderPng(sigma, opts);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('PNG export: the picture could not be encoded');
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${opts.fileName ?? 'carecircle-graph'}.png`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * graphology-gexf 0.13 declares the 1.2 viz namespace as `http:///www.gexf.net/1.1draft/viz` (three
 * slashes), so Gephi-style readers (networkx among them) drop every colour, size and position. Its 1.3
 * output writes colours as `hex`, which networkx 3 cannot read; so 1.2 with the namespace put right.
 */
const GEXF_VIZ_NS = 'http://www.gexf.net/1.2draft/viz';
export function fixGexfVizNamespace(gexf: string): string {
  return gexf.replace(/xmlns:viz="[^"]*"/, `xmlns:viz="${GEXF_VIZ_NS}"`);
}

/** The view as drawn: colours, sizes and positions as viz data, links of unticked types left out. */
export function toGexf(graph: DrawGraph): string {
  const shown = graph.copy();
  shown.forEachEdge((key, a) => {
    if (a.hidden) shown.dropEdge(key);
  });
  return fixGexfVizNamespace(
    writeGexf(shown, {
      formatNode: (_key, a) => ({
        label: a.label,
        attributes: {
          kind: a.kind,
          community: a.community === null ? '' : String(a.community),
          score: a.score ?? 0,
          stage: a.stage ?? '',
          role: a.role ?? '',
          region: a.region ?? '',
          country: a.country ?? '',
          followers: a.followers ?? 0,
        },
        viz: { color: a.color, size: a.size, x: a.x, y: a.y },
      }),
      formatEdge: (_key, a) => ({
        weight: a.weight,
        attributes: a.types ? { ...a.types } : {},
        viz: { thickness: a.size, color: a.color },
      }),
      version: '1.2',
    }),
  );
}

const xml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

function rgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : [0, 0, 0];
}

export function toGraphml(graph: DrawGraph): string {
  const keys: [string, 'node' | 'edge', 'string' | 'double' | 'int'][] = [
    ['label', 'node', 'string'],
    ['kind', 'node', 'string'],
    ['community', 'node', 'string'],
    ['score', 'node', 'double'],
    ['stage', 'node', 'string'],
    ['size', 'node', 'double'],
    ['x', 'node', 'double'],
    ['y', 'node', 'double'],
    ['r', 'node', 'int'],
    ['g', 'node', 'int'],
    ['b', 'node', 'int'],
    ['color', 'node', 'string'],
    ['weight', 'edge', 'double'],
  ];
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keys.map(([id, f, t]) => `  <key id="${id}" for="${f}" attr.name="${id}" attr.type="${t}"/>`),
    '  <graph edgedefault="directed">',
  ];
  graph.forEachNode((id, a) => {
    const [r, g, b] = rgb(a.color);
    const data: [string, string | number][] = [
      ['label', a.label],
      ['kind', a.kind],
      ['community', a.community === null ? '' : String(a.community)],
      ['score', a.score ?? 0],
      ['stage', a.stage ?? ''],
      ['size', a.size],
      ['x', a.x],
      ['y', a.y],
      ['r', r],
      ['g', g],
      ['b', b],
      ['color', a.color],
    ];
    out.push(
      `    <node id="${xml(id)}">${data.map(([k, v]) => `<data key="${k}">${xml(String(v))}</data>`).join('')}</node>`,
    );
  });
  graph.forEachEdge((id, a, s, t) => {
    out.push(
      `    <edge id="${xml(id)}" source="${xml(s)}" target="${xml(t)}"><data key="weight">${a.weight}</data></edge>`,
    );
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
