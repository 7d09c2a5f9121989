// What every source gives the pipeline: for each input row (a CSV line, a JSON Lines record, an element
// of a JSON array, a node or edge of a graph file) either the canonical records it became or the reason
// it was refused. Records are checked against queries/model.ts by the pipeline, not here.
import type { Readable } from 'node:stream';

/** `note` describes a row accepted although it holds nothing to load (e.g. a Bluesky resolveHandle
 * answer): it is logged, and the row counts as a duplicate (nothing new). */
export type SourceItem =
  | { line: number; records: unknown[]; raw?: string; unresolved?: number; note?: string }
  | { line: number; reject: string; raw: string };

export interface SourceContext {
  /** The file's path, as given on the command line (for rejects). */
  file: string;
}

export type Source = (input: Readable, ctx: SourceContext) => AsyncIterable<SourceItem>;

/** Rejects keep enough of the raw text to find and fix the row without copying megabytes. */
export function clip(raw: string, max = 10_000): string {
  return raw.length <= max ? raw : `${raw.slice(0, max)}… (${raw.length} characters in all)`;
}
