// GraphML (networkx, yEd, NodeXL) → accounts and interactions, see graph-file.ts.
import { parse } from 'graphology-graphml';
import { graphFileSource } from './graph-file.ts';

export const graphml = graphFileSource('graphml', (Graph, text) =>
  parse(Graph, text, { addMissingNodes: true }),
);
