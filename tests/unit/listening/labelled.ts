// Reads the hand-labelled sets in tests/fixtures/listening/ and scores a classifier on them: every
// third item is held out (never looked at while tuning), the rest is the tuning part.
import { readFileSync } from 'node:fs';

interface Labelled {
  line: number;
  label: string;
  extra: string;
  text: string;
  heldOut: boolean;
}

export function readLabelled(file: string): Labelled[] {
  const lines = readFileSync(new URL(`../../fixtures/listening/${file}`, import.meta.url), 'utf8').split(
    '\n',
  );
  const out: Labelled[] = [];
  lines.forEach((l, i) => {
    if (!l.trim() || l.startsWith('#')) return;
    const [label, extra, ...rest] = l.split('|');
    out.push({
      line: i + 1,
      label: label!,
      extra: extra!,
      text: rest.join('|'),
      heldOut: (out.length + 1) % 3 === 0,
    });
  });
  return out;
}

interface Scores {
  precision: number;
  recall: number;
  support: number;
}

/** Precision and recall of each label, from (expected, predicted) pairs. */
export function score(pairs: [string, string][], labels: readonly string[]): Record<string, Scores> {
  const out: Record<string, Scores> = {};
  for (const l of labels) {
    const tp = pairs.filter(([e, p]) => e === l && p === l).length;
    const predicted = pairs.filter(([, p]) => p === l).length;
    const actual = pairs.filter(([e]) => e === l).length;
    out[l] = { precision: predicted ? tp / predicted : 0, recall: actual ? tp / actual : 0, support: actual };
  }
  return out;
}

export function report(title: string, s: Record<string, Scores>): string {
  const rows = Object.entries(s).map(
    ([l, v]) =>
      `  ${l.padEnd(22)} precision ${v.precision.toFixed(2)}  recall ${v.recall.toFixed(2)}  (${v.support} items)`,
  );
  return [title, ...rows].join('\n');
}
