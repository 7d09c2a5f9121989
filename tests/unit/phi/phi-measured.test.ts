// The PHI guard measured on 614 labelled outreach notes written for this purpose (see
// tests/fixtures/SOURCES.md). set-aside.jsonl was written first and the rules were never tuned on
// it; tuned.jsonl is the part the rules were developed against. Both parts print precision, recall
// and recall per kind; the goals are asserted on the set-aside part.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OrgContacts } from '../../../queries/phi/allow-list.ts';
import { findPhi, PhiKind } from '../../../queries/phi/detect.ts';

const Note = z.object({ text: z.string(), phi: z.boolean(), kind: z.enum(PhiKind).optional() });
type Note = z.infer<typeof Note>;
const read = (name: string): Note[] =>
  readFileSync(new URL(`../../fixtures/phi/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => Note.parse(JSON.parse(l)));
const allow = OrgContacts.parse(
  JSON.parse(readFileSync(new URL('../../fixtures/phi/org-contacts.json', import.meta.url), 'utf8')),
);
const tuned = read('tuned.jsonl');
const setAside = read('set-aside.jsonl');

interface Score {
  precision: number;
  recall: number;
  perKind: Map<string, { found: number; total: number }>;
  falseAlarms: number;
  misses: number;
}

function score(notes: Note[]): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const perKind = new Map<string, { found: number; total: number }>();
  for (const n of notes) {
    const found = findPhi(n.text, { allow });
    if (n.phi) {
      const k = perKind.get(n.kind!) ?? { found: 0, total: 0 };
      k.total++;
      if (found.length > 0) {
        tp++;
        k.found++;
      } else fn++;
      perKind.set(n.kind!, k);
    } else if (found.length > 0) fp++;
  }
  return { precision: tp / (tp + fp), recall: tp / (tp + fn), perKind, falseAlarms: fp, misses: fn };
}

function report(name: string, notes: Note[], s: Score): string {
  const kinds = [...s.perKind.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `    ${k.padEnd(22)} ${(v.found / v.total).toFixed(2)} (${v.found}/${v.total})`);
  return [
    `PHI guard, ${name}: ${notes.length} notes (${notes.filter((n) => n.phi).length} with an identifier): ` +
      `precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} ` +
      `(${s.misses} missed, ${s.falseAlarms} false alarms)`,
    '  recall per kind:',
    ...kinds,
  ].join('\n');
}

describe('the PHI guard as a measured component', () => {
  it('has at least 600 labelled notes covering every kind in both parts, with clean traps', () => {
    expect(tuned.length + setAside.length).toBeGreaterThanOrEqual(600);
    // The set-aside part is about a third of the whole.
    expect(setAside.length / (tuned.length + setAside.length)).toBeGreaterThan(0.3);
    for (const part of [tuned, setAside]) {
      const kinds = new Set(part.filter((n) => n.phi).map((n) => n.kind));
      expect([...kinds].sort()).toEqual([...PhiKind].sort());
      const clean = part.filter((n) => !n.phi).length;
      expect(clean / part.length).toBeGreaterThan(0.4);
    }
  });

  it('prints precision, recall and recall per kind, and meets the goals on the set-aside part', () => {
    const t = score(tuned);
    const s = score(setAside);
    console.log(
      `${report('tuned part', tuned, t)}\n${report('set-aside part (never tuned on)', setAside, s)}`,
    );
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  it('reports spans in the original text even when invisible and full-width characters were folded', () => {
    const text = 'Call\u00ad her \u200bmum on ６１７\u2013５５５\u2013０１４３ please.';
    const [hit] = findPhi(text, { allow });
    expect(hit?.kind).toBe('phone');
    expect(text.slice(hit!.start, hit!.end)).toBe('６１７\u2013５５５\u2013０１４３');
    const mrn = 'Her \u041cRN is 55\u200b31207.';
    const [m] = findPhi(mrn, { allow });
    expect(m?.kind).toBe('medical_record_number');
    expect(mrn.slice(m!.start, m!.end)).toBe('55\u200b31207');
    const named = 'Her son Liam was admitted last night.';
    const [n] = findPhi(named, { allow });
    expect(named.slice(n!.start, n!.end)).toBe('Liam');
  });

  it("lets the organisation's own public contact details through, and only those", () => {
    const ours =
      'Gave her our press line (415) 555-0190 and media@northbayhealth.org, press office 2100 Bayview Avenue.';
    expect(findPhi(ours, { allow })).toEqual([]);
    // Without the allow-list the same note is refused.
    expect(findPhi(ours, { allow: OrgContacts.parse({}) }).map((f) => f.kind)).toEqual([
      'phone',
      'email',
      'street_address',
    ]);
    // A portal on a sub-domain of the organisation's site is not the public website.
    expect(findPhi('Her results: mychart.northbayhealth.org/results/77120', { allow })[0]?.kind).toBe('url');
    expect(findPhi('Her cell is (415) 555-0191.', { allow })[0]?.kind).toBe('phone');
  });
});
