// The reply guards (PHI + patient confirmation) measured on 202 hand-written replies
// (tests/fixtures/listening/replies.txt), half safe and half not: precision and recall of "refused"
// and "passed", printed for the tuning part and for the held-out third.
import { describe, expect, it } from 'vitest';
import { checkReply } from '../../../queries/listening/reply-check.ts';
import { findPatientConfirmation } from '../../../queries/listening/reply-guard.ts';
import { readLabelled, report, score } from './labelled.ts';

const CONTACTS = [
  '(555) 010-2000',
  '555-010-2000',
  '555-010-1000',
  '555-010-3000',
  'patientrelations@mercygeneral.org',
];
const set = readLabelled('replies.txt');
const judge = (text: string) =>
  checkReply(text, { contacts: CONTACTS, carers: ['Dr. Priya Patel'] }).length ? 'unsafe' : 'safe';

function measure(part: typeof set) {
  const pairs: [string, string][] = part.map((x) => [x.label, judge(x.text)]);
  const misses = part
    .filter((x) => judge(x.text) !== x.label)
    .map((x) => `  line ${x.line}: ${x.label} (${x.extra}) judged ${judge(x.text)}: ${x.text}`);
  return { s: score(pairs, ['unsafe', 'safe']), misses };
}

describe('reply guards on the labelled replies', () => {
  it('has at least 200 labelled replies of both kinds', () => {
    expect(set.length).toBeGreaterThanOrEqual(200);
    expect(set.filter((x) => x.label === 'safe').length).toBeGreaterThanOrEqual(90);
    expect(set.filter((x) => x.label === 'unsafe').length).toBeGreaterThanOrEqual(90);
  });

  const tuning = measure(set.filter((x) => !x.heldOut));
  const held = measure(set.filter((x) => x.heldOut));

  it('prints precision and recall on both parts', () => {
    console.log(
      [
        report(`tuning part (${set.filter((x) => !x.heldOut).length} replies)`, tuning.s),
        report(`held-out part (${set.filter((x) => x.heldOut).length} replies)`, held.s),
        'held-out misses:',
        ...held.misses,
      ].join('\n'),
    );
  });

  // An unsafe reply that passes is a disclosure; a safe one refused costs a rewrite. Recall of
  // "unsafe" matters most.
  it('refuses unsafe replies it has not seen: recall at least 0.85, precision at least 0.85', () => {
    expect(held.s.unsafe!.recall).toBeGreaterThanOrEqual(0.85);
    expect(held.s.unsafe!.precision).toBeGreaterThanOrEqual(0.85);
  });

  it('passes the standard take-it-offline answer, with our own phone number', () => {
    expect(
      checkReply(
        "We're sorry to hear this. Please contact our Patient Relations team at (555) 010-2000 so we can help.",
        { contacts: CONTACTS },
      ),
    ).toEqual([]);
  });

  it('names the phrase, where it is and a safe wording', () => {
    const text = 'So sorry about your visit on the 3rd, we looked at your chart.';
    const found = checkReply(text, { contacts: CONTACTS });
    expect(found.map((f) => [f.kind, f.phrase])).toEqual([
      ['care_reference', 'your visit'],
      ['visit_date', 'on the 3rd'],
      ['record_access', 'we looked at your chart'],
    ]);
    for (const f of found) {
      expect(text.slice(f.start, f.end)).toBe(f.phrase);
      expect(f.suggestion).toMatch(/Patient Relations/);
    }
  });

  it('refuses a PHI identifier without echoing it, but not our own contact number', () => {
    const text = 'Call her direct line 617-555-0143 or our team at 555-010-2000.';
    const found = checkReply(text, { contacts: CONTACTS });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ guard: 'phi', kind: 'phone', phrase: null });
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe('617-555-0143');
  });

  it('never names our physicians, even without a title', () => {
    expect(
      findPatientConfirmation('Priya Patel asked us to say sorry.', { carers: ['Dr. Priya Patel'] })[0],
    ).toMatchObject({
      kind: 'carer',
      phrase: 'Priya Patel',
    });
  });
});
