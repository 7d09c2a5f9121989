// The guard for client/graph/sliced-sigma.ts, which reproduces part of Sigma's private process():
// the same graph and settings go through SlicedSigma's sliced refresh and through Sigma's own, and
// everything the drawing and the picking depend on must come out the same — the node and edge
// buffers, the picking ids, the program positions, the display data. Run in Chromium by
// tests/e2e/sliced-sigma.test.ts through the bench page (`/?bench=N&check=sliced`).
import Sigma from 'sigma';
import { drawDiscNodeLabel } from 'sigma/rendering';
import type { DrawEdge, DrawGraph, DrawNode } from '../../../client/graph/build.ts';
import { rendererSettings } from '../../../client/graph/GraphCanvas.tsx';
import { makeEdgeReducer, makeNodeReducer } from '../../../client/graph/reducers.ts';
import { SlicedSigma } from '../../../client/graph/sliced-sigma.ts';

export interface SlicedCheck {
  nodes: number;
  edges: number;
  /** Edges whose zIndex differs from others' (so the zIndex ordering was exercised). */
  raisedEdges: number;
  /** What differs between the two refreshes; empty when they agree. */
  mismatches: string[];
}

/** A program, or a compound one (Sigma's default arrow) made of several. */
interface Program {
  array?: Float32Array;
  programs?: Program[];
}

function buffers(p: Program): Float32Array[] {
  return p.array ? [p.array] : (p.programs ?? []).flatMap(buffers);
}

function sameBuffers(a: Program, b: Program): string | null {
  const x = buffers(a);
  const y = buffers(b);
  if (x.length !== y.length) return `${x.length} vs ${y.length} buffers`;
  for (let i = 0; i < x.length; i++) {
    const diff = sameArray(x[i]!, y[i]!);
    if (diff) return `buffer ${i}: ${diff}`;
  }
  return null;
}

/** Sigma's private state that the sliced refresh writes. */
interface Internals {
  nodePrograms: Record<string, Program>;
  edgePrograms: Record<string, Program>;
  nodeIndices: Record<string, number>;
  edgeIndices: Record<string, number>;
  itemIDsIndex: Record<number, { type: string; id: string }>;
  nodeProgramIndex: Record<string, number>;
  edgeProgramIndex: Record<string, number>;
  nodeDataCache: Record<string, object>;
  edgeDataCache: Record<string, object>;
}

function sameArray(a: Float32Array, b: Float32Array): string | null {
  if (a.length !== b.length) return `length ${a.length} vs ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    if (!Object.is(a[i], b[i])) return `item ${i}: ${a[i]} vs ${b[i]}`;
  }
  return null;
}

function sameRecord(a: object, b: object): string | null {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return `${ka.length} vs ${Object.keys(b).length} keys`;
  for (const k of ka) {
    const x = JSON.stringify((a as Record<string, unknown>)[k]);
    const y = JSON.stringify((b as Record<string, unknown>)[k]);
    if (x !== y) return `${k}: ${x} vs ${y}`;
  }
  return null;
}

/**
 * Both refreshes with a node selected (the app's reducers then raise its edges and neighbours, so
 * the zIndex orderings are exercised), in two containers the size of `root`.
 */
export async function checkSlicedRefresh(graph: DrawGraph, root: HTMLElement): Promise<SlicedCheck> {
  const selected = graph
    .nodes()
    .reduce<string | null>(
      (best, n) => (best === null || graph.degree(n) > graph.degree(best) ? n : best),
      null,
    );
  const focus = { hovered: null, selected, matches: null, path: null };
  const settings = {
    ...rendererSettings(graph, {}, drawDiscNodeLabel),
    nodeReducer: makeNodeReducer(graph, focus),
    edgeReducer: makeEdgeReducer(graph, focus),
  };
  const box = () => {
    const el = document.createElement('div');
    el.style.cssText = 'position:absolute;inset:0';
    root.appendChild(el);
    return el;
  };
  const sliced = await SlicedSigma.open<DrawNode, DrawEdge>(graph, box(), settings);
  const plain = new Sigma<DrawNode, DrawEdge>(graph, box(), settings);
  try {
    const a = sliced as unknown as Internals;
    const b = plain as unknown as Internals;
    const mismatches: string[] = [];
    const note = (what: string, diff: string | null) => {
      if (diff) mismatches.push(`${what}: ${diff}`);
    };
    for (const type of Object.keys(b.nodePrograms))
      note(`node buffers "${type}"`, sameBuffers(a.nodePrograms[type]!, b.nodePrograms[type]!));
    for (const type of Object.keys(b.edgePrograms))
      note(`edge buffers "${type}"`, sameBuffers(a.edgePrograms[type]!, b.edgePrograms[type]!));
    note('node picking ids', sameRecord(a.nodeIndices, b.nodeIndices));
    note('edge picking ids', sameRecord(a.edgeIndices, b.edgeIndices));
    note('picking id index', sameRecord(a.itemIDsIndex, b.itemIDsIndex));
    note('node program positions', sameRecord(a.nodeProgramIndex, b.nodeProgramIndex));
    note('edge program positions', sameRecord(a.edgeProgramIndex, b.edgeProgramIndex));
    note('node display data', sameRecord(a.nodeDataCache, b.nodeDataCache));
    note('edge display data', sameRecord(a.edgeDataCache, b.edgeDataCache));
    const raisedEdges = Object.values(b.edgeDataCache).filter(
      (d) => ((d as { zIndex?: number }).zIndex ?? 0) !== 0,
    ).length;
    return { nodes: graph.order, edges: graph.size, raisedEdges, mismatches };
  } finally {
    sliced.kill();
    plain.kill();
  }
}
