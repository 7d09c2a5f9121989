// Sentiment and category measured on 309 hand-labelled health-care posts (tests/fixtures/listening/
// posts.txt): precision and recall per category and per sentiment, printed for the tuning part and for
// the held-out third that was never looked at while the rules were written.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../queries/listening/classify.ts';
import { Category, Sentiment } from '../../../queries/listening/contract.ts';
import { readLabelled, report, score } from './labelled.ts';

const NAMES = ['Mercy General', 'Mercy Westside', 'Mercy', 'MercyGeneral'];
const set = readLabelled('posts.txt');

function measure(part: typeof set) {
  const cat: [string, string][] = [];
  const sent: [string, string][] = [];
  const misses: string[] = [];
  for (const x of part) {
    const c = classify(x.text, { names: NAMES });
    cat.push([x.label, c.category]);
    sent.push([x.extra, c.sentiment]);
    if (c.category !== x.label) misses.push(`  line ${x.line}: ${x.label} read as ${c.category}: ${x.text}`);
  }
  return { cat: score(cat, Category.options), sent: score(sent, Sentiment.options), misses };
}

describe('post classifier on the labelled set', () => {
  it('has at least 300 labelled posts with valid labels', () => {
    expect(set.length).toBeGreaterThanOrEqual(300);
    for (const x of set) {
      expect(Category.options).toContain(x.label);
      expect(Sentiment.options).toContain(x.extra);
    }
  });

  const tuning = measure(set.filter((x) => !x.heldOut));
  const held = measure(set.filter((x) => x.heldOut));

  it('prints precision and recall per category and sentiment on both parts', () => {
    console.log(
      [
        report(`category, tuning part (${set.filter((x) => !x.heldOut).length} posts)`, tuning.cat),
        report(`category, held-out part (${set.filter((x) => x.heldOut).length} posts)`, held.cat),
        report('sentiment, tuning part', tuning.sent),
        report('sentiment, held-out part', held.sent),
        'held-out misses:',
        ...held.misses,
      ].join('\n'),
    );
    expect(held.misses.length).toBeLessThan(set.length / 3);
  });

  // Floors a little under what the held-out part measured when this test was written, so a rule change
  // that makes the classifier worse on unseen posts fails here.
  it('finds clinical-safety concerns on unseen posts: recall at least 0.85', () => {
    expect(held.cat.clinical_safety!.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps every category useful on unseen posts: precision and recall at least 0.7', () => {
    for (const c of Category.options) {
      expect.soft(held.cat[c]!.precision, `${c} precision`).toBeGreaterThanOrEqual(0.7);
      expect.soft(held.cat[c]!.recall, `${c} recall`).toBeGreaterThanOrEqual(0.7);
    }
  });

  it('reads sarcasm as a complaint, not praise', () => {
    const c = classify('Great job Mercy General, only took 7 hours to see a doctor. 🙄', { names: NAMES });
    expect(c).toMatchObject({ category: 'complaint', sentiment: 'negative' });
    expect(c.cues).toContain('sarcasm');
  });

  it('does not let the hospital name make a post positive', () => {
    expect(
      classify('Mercy General switched its records system this weekend.', { names: NAMES }).sentiment,
    ).toBe('neutral');
  });

  it('tells the language', () => {
    expect(classify('¿Alguien sabe si el hospital Mercy General acepta Medicaid?').lang).toBe('es');
    expect(classify('Thank you to the nurses at Mercy General for everything.').lang).toBe('en');
  });
});
