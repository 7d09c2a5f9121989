// Analysis results out of Neo4j for other tools: communities as CSV (account_id,handle,community) and
// the account graph as GEXF (Gephi) or GraphML (networkx, yEd, Cytoscape), with community and scores
// as node attributes, the stored map position (GEXF viz position, GraphML x/y), and per-type counts
// plus the weighted total on each edge. Pages of accounts are
// read and written one after another, so the output is produced as a stream.
// With a time window (queries/window.ts) edges count only the interactions made by posts in it, of
// the types asked for (follows have no time, so none), and only the accounts that sent or received
// one of them are written.
import { ACCOUNT_COLUMNS, INTERACTION_TYPES, type AccountColumn } from '../contract.ts';
import { StoredAccountColumns } from '../account-columns.ts';
import { write as writeGexf } from 'graphology-gexf';
import Graph from 'graphology';
import { spreadsheetCell } from '../csv.ts';
import { z } from 'zod';
import { loadCypher } from '../cypher.ts';
import { int, type Db } from '../db.ts';
import { InteractionWeights } from './params.ts';
import type { PostWindow } from '../window.ts';

export const ExportFormat = z.enum(['csv', 'gexf', 'graphml']);
export type ExportFormat = z.infer<typeof ExportFormat>;

const Row = StoredAccountColumns.extend({
  id: z.string(),
  handle: z.string().nullable(),
  location: z.string().nullable(),
  followers: z.number().nullable(),
  // One text attribute in the files (GEXF and GraphML attributes are scalars): "cardiology;diabetes".
  specialties: StoredAccountColumns.shape.specialties.transform((l) =>
    l && l.length > 0 ? l.join(';') : null,
  ),
  out: z.array(z.tuple([z.string(), z.number(), z.number(), z.number(), z.number(), z.number()])),
  /** Took part in the window asked for (always true without one). */
  active: z.boolean().default(true),
});
type Row = z.infer<typeof Row>;

/** Pages of accounts in id order; with a window, only those active in it (paging goes on by id). */
async function* pages(db: Db, window: PostWindow | null, pageSize = 5_000): AsyncGenerator<Row[]> {
  let after = '';
  for (;;) {
    const rows = (
      window
        ? await db.read(loadCypher('analysis/export-page-window'), {
            after,
            pageSize: int(pageSize),
            from: window.from,
            to: window.to,
            types: window.types,
          })
        : await db.read(loadCypher('analysis/export-page'), { after, pageSize: int(pageSize) })
    ).map((r) => Row.parse(r));
    if (rows.length === 0) return;
    yield rows.filter((r) => r.active);
    after = rows[rows.length - 1]!.id;
    if (rows.length < pageSize) return;
  }
}

/**
 * account_id,handle,community for every account with a community (with a window: every one that took
 * part in it). Returns the number of rows.
 */
export async function exportCommunitiesCsv(
  db: Db,
  write: (chunk: string) => void,
  window: PostWindow | null = null,
): Promise<number> {
  write('account_id,handle,community\n');
  let n = 0;
  for await (const rows of pages(db, window)) {
    const lines = rows
      .filter((r) => r.community !== null)
      .map((r) => `${[r.id, r.handle, r.community].map(spreadsheetCell).join(',')}\n`);
    n += lines.length;
    write(lines.join(''));
  }
  return n;
}

/**
 * The node attributes of GraphML and GEXF: the account's handle, location and followers, then every
 * analysis column (x and y become the viz position in GEXF, x/y data in GraphML).
 */
const NODE_ATTRS: readonly (readonly [
  'handle' | 'location' | 'followers' | AccountColumn,
  'string' | 'long' | 'double',
])[] = [
  ['handle', 'string'],
  ['location', 'string'],
  ['followers', 'long'],
  ...Object.entries(ACCOUNT_COLUMNS).map(
    ([name, kind]) => [name as AccountColumn, kind === 'strings' ? 'string' : kind] as const,
  ),
];
const EDGE_TYPES = INTERACTION_TYPES;

function xml(s: string): string {
  return s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/** GraphML written line by line (graphology has no GraphML writer), readable by networkx.read_graphml. */
async function exportGraphml(
  db: Db,
  write: (chunk: string) => void,
  weights: InteractionWeights,
  window: PostWindow | null,
) {
  write('<?xml version="1.0" encoding="UTF-8"?>\n');
  write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n');
  for (const [name, type] of NODE_ATTRS) {
    write(`  <key id="${name}" for="node" attr.name="${name}" attr.type="${type}"/>\n`);
  }
  write('  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>\n');
  for (const t of EDGE_TYPES) write(`  <key id="${t}" for="edge" attr.name="${t}" attr.type="long"/>\n`);
  write('  <graph id="carecircle" edgedefault="directed">\n');
  const edges: string[] = [];
  let nodes = 0;
  for await (const rows of pages(db, window)) {
    const out: string[] = [];
    for (const r of rows) {
      nodes++;
      out.push(`    <node id="${xml(r.id)}">`);
      for (const [name] of NODE_ATTRS) {
        const v = r[name];
        if (v !== null && v !== undefined) out.push(`<data key="${name}">${xml(String(v))}</data>`);
      }
      out.push('</node>\n');
      for (const [target, ...counts] of r.out) {
        const w = EDGE_TYPES.reduce((s, t, k) => s + weights[t] * counts[k]!, 0);
        let e = `    <edge source="${xml(r.id)}" target="${xml(target)}"><data key="weight">${w}</data>`;
        EDGE_TYPES.forEach((t, k) => {
          if (counts[k]) e += `<data key="${t}">${counts[k]}</data>`;
        });
        edges.push(e + '</edge>\n');
      }
    }
    write(out.join(''));
  }
  // Edges after all nodes: GraphML allows either order, but some readers want nodes declared first.
  for (let i = 0; i < edges.length; i += 10_000) write(edges.slice(i, i + 10_000).join(''));
  write('  </graph>\n</graphml>\n');
  return { nodes, edges: edges.length };
}

async function exportGexf(
  db: Db,
  write: (chunk: string) => void,
  weights: InteractionWeights,
  window: PostWindow | null,
) {
  const g = new Graph({ type: 'directed', multi: false });
  const pending: [string, string, Record<string, number>][] = [];
  for await (const rows of pages(db, window)) {
    for (const r of rows) {
      const attrs: Record<string, string | number> = {};
      for (const [name] of NODE_ATTRS) {
        const v = r[name];
        if (v !== null && v !== undefined) attrs[name] = v;
      }
      // x and y become the viz position (graphology-gexf writes those names as viz data).
      attrs.label = r.handle ?? r.id;
      g.mergeNode(r.id, attrs);
      for (const [target, ...counts] of r.out) {
        const e: Record<string, number> = { weight: 0 };
        EDGE_TYPES.forEach((t, k) => {
          e[t] = counts[k]!;
          e.weight! += weights[t] * counts[k]!;
        });
        pending.push([r.id, target, e]);
      }
    }
  }
  for (const [s, t, e] of pending) {
    if (!g.hasNode(t)) g.addNode(t, { label: t });
    g.mergeEdge(s, t, e);
  }
  // graphology-gexf declares the 1.2 viz namespace with three slashes; readers then drop viz data.
  write(
    writeGexf(g, { version: '1.2', pretty: false }).replace(
      /xmlns:viz="[^"]*"/,
      'xmlns:viz="http://www.gexf.net/1.2draft/viz"',
    ),
  );
  return { nodes: g.order, edges: g.size };
}

export async function exportGraph(
  db: Db,
  format: 'gexf' | 'graphml',
  write: (chunk: string) => void,
  weights: InteractionWeights = InteractionWeights.parse({}),
  window: PostWindow | null = null,
): Promise<{ nodes: number; edges: number }> {
  return format === 'graphml'
    ? exportGraphml(db, write, weights, window)
    : exportGexf(db, write, weights, window);
}
