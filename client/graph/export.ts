// Exports of the current view: PNG through @sigma/export-image, GEXF through graphology-gexf (with
// viz colour, size and position), and GraphML written here (graphology-graphml only parses) with the
// same attributes under keys Gephi reads (r, g, b, size, x, y).
import { downloadAsPNG } from '@sigma/export-image';
import { write as writeGexf } from 'graphology-gexf/browser';
import type Sigma from 'sigma';
import type { DrawEdge, DrawGraph, DrawNode } from './build.ts';

export async function exportPng(
  sigma: Sigma<DrawNode, DrawEdge>,
  fileName = 'carecircle-graph',
): Promise<void> {
  await downloadAsPNG(sigma as unknown as Sigma, { fileName, backgroundColor: '#ffffff' });
}

export function toGexf(graph: DrawGraph): string {
  return writeGexf(graph, {
    formatNode: (_key, a) => ({
      label: a.label,
      attributes: {
        kind: a.kind,
        community: a.community === null ? '' : String(a.community),
        score: a.score ?? 0,
        stage: a.stage ?? '',
      },
      viz: { color: a.color, size: a.size, x: a.x, y: a.y },
    }),
    formatEdge: (_key, a) => ({ weight: a.weight, viz: { thickness: a.size } }),
  });
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
