// GEXF (Gephi) → accounts and interactions, see graph-file.ts.
import { parse } from 'graphology-gexf';
import { graphFileSource } from './graph-file.ts';

export const gexf = graphFileSource('gexf', (Graph, text) => parse(Graph, text, { addMissingNodes: true }));
