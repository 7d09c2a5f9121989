// JSON Lines of canonical records (queries/model.ts): the lossless form. One record per line; blank
// lines are skipped; a line that is not JSON (garbage, a cut-off last line) is a reject.
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { clip, type SourceContext, type SourceItem } from './source.ts';

/**
 * Lines of a stream with their numbers. Pulls chunks with `for await`, so a slow consumer pauses the
 * file instead of lines piling up in memory.
 */
export async function* jsonLines(input: Readable): AsyncGenerator<{ line: number; text: string }> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let line = 0;
  const emit = function* (text: string) {
    line += 1;
    const t = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (t.trim() !== '') yield { line, text: t };
  };
  for await (const chunk of input) {
    const s = rest + decoder.write(chunk as Buffer);
    let start = 0;
    let nl = s.indexOf('\n');
    while (nl !== -1) {
      yield* emit(s.slice(start, nl));
      start = nl + 1;
      nl = s.indexOf('\n', start);
    }
    rest = s.slice(start);
  }
  rest += decoder.end();
  if (rest !== '') yield* emit(rest);
}

export function parseJsonLine(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, reason: `not valid JSON (${(err as Error).message})` };
  }
}

export async function* jsonl(input: Readable, _ctx: SourceContext): AsyncGenerator<SourceItem> {
  for await (const { line, text } of jsonLines(input)) {
    const parsed = parseJsonLine(text);
    if (!parsed.ok) yield { line, reject: parsed.reason, raw: clip(text) };
    else yield { line, records: [parsed.value], raw: text };
  }
}
