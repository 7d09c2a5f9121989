// JSON values from a file, whatever its layout: JSON Lines (one value per line, the resilient form: a bad
// line is one reject), a top-level array (stream-json yields one element at a time, so a huge export
// never sits in memory whole), or one pretty-printed document. The platform sources build on this.
import { Readable } from 'node:stream';
import streamArray from 'stream-json/streamers/stream-array.js';
import streamValues from 'stream-json/streamers/stream-values.js';
import { jsonLines, parseJsonLine } from './jsonl.ts';
import { clip } from './source.ts';

type JsonItem = { line: number; value: unknown } | { line: number; reject: string; raw: string };

/**
 * Items of a stream, in order, with what it had already produced kept when it fails: `for await`
 * over a failing stream drops its buffered items, which would lose the complete elements before a
 * cut-off. Pauses the stream while the consumer is behind.
 */
async function* drain<T>(stream: NodeJS.ReadableStream): AsyncGenerator<T, Error | undefined> {
  const queue: T[] = [];
  let failed: Error | undefined;
  let ended = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  stream.on('data', (d: T) => {
    queue.push(d);
    if (queue.length > 256) stream.pause();
    notify();
  });
  stream.on('error', (e: Error) => {
    failed = e;
    ended = true;
    notify();
  });
  stream.on('end', () => {
    ended = true;
    notify();
  });
  for (;;) {
    if (queue.length) {
      yield queue.shift()!;
      if (queue.length < 64 && !ended) stream.resume();
      continue;
    }
    if (ended) return failed;
    await new Promise<void>((r) => (wake = r));
  }
}

async function* structured(input: Readable, mode: 'array' | 'values'): AsyncGenerator<JsonItem> {
  const stream =
    mode === 'array'
      ? streamArray.withParserAsStream()
      : streamValues.withParserAsStream({ jsonStreaming: true });
  input.on('error', (err) => stream.destroy(err));
  input.pipe(stream);
  let n = 0;
  const items = drain<{ value: unknown }>(stream);
  for (let r = await items.next(); ; r = await items.next()) {
    if (r.done) {
      if (r.value) {
        // A cut-off or malformed document: what was read stays loaded, the rest is one reject.
        const what = mode === 'array' ? `array element ${n + 1}` : `JSON value ${n + 1}`;
        yield { line: n + 1, reject: `${what}: not valid JSON (${r.value.message})`, raw: '' };
      }
      return;
    }
    n += 1;
    yield { line: n, value: r.value.value };
  }
}

export async function* jsonValues(input: Readable): AsyncGenerator<JsonItem> {
  const it = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let head = '';
  // Enough of the start to see the first character and the first line.
  while (head.trimStart() === '' || (!head.includes('\n') && head.length < 1 << 20)) {
    const r = await it.next();
    if (r.done) break;
    chunks.push(r.value);
    head += r.value.toString('utf8');
  }
  const rest = Readable.from(
    (async function* () {
      yield* chunks;
      for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
    })(),
  );
  const start = head.replace(/^\uFEFF/, '').trimStart();
  const firstLine = start.split('\n', 1)[0] ?? '';
  if (start.startsWith('[')) {
    yield* structured(rest, 'array');
  } else if (/^\{\s*("[^"]*"\s*:\s*[[{]?\s*)?$/.test(firstLine.trim())) {
    // A pretty-printed document: its first line is "{" or opens a key.
    yield* structured(rest, 'values');
  } else {
    for await (const { line, text } of jsonLines(rest)) {
      const parsed = parseJsonLine(text);
      if (parsed.ok) yield { line, value: parsed.value };
      else yield { line, reject: parsed.reason, raw: clip(text) };
    }
  }
}
