// @vitest-environment jsdom
// The inbox's weekly view: every week of the period is drawn (zeros for the quiet ones), bar heights
// follow the counts, each segment names its week, series and count, themes are drawn as text even
// when they look like markup, and the same numbers are in a table.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { isoWeek, lastWeeks, niceMax, WeeklyChart } from '../../../client/views/inbox/WeeklyChart.tsx';
import type { Weekly } from '../../../queries/listening/contract.ts';

afterEach(cleanup);

const NOW = new Date('2026-03-06T21:00:00Z'); // a Friday in ISO week 10

const row = (week: string, categories: Partial<Weekly['weeks'][number]['categories']>, sentiment = {}) => {
  const c = { complaint: 0, praise: 0, question: 0, clinical_safety: 0, other: 0, ...categories };
  return {
    week,
    total: Object.values(c).reduce((a, b) => a + b, 0),
    categories: c,
    sentiment: { negative: 0, neutral: 0, positive: 0, ...sentiment },
  };
};

const WEEKLY: Weekly = {
  weeks: [
    row('2026-W07', { complaint: 6, praise: 2 }, { negative: 6, positive: 2 }),
    row('2026-W10', { complaint: 1, question: 2, clinical_safety: 1 }, { negative: 2, neutral: 2 }),
  ],
  themes: [
    { theme: 'waiting', count: 5 },
    { theme: '<img src=x onerror=alert(1)>', count: 2 },
  ],
  pipelineAuthors: [],
};

describe('ISO weeks', () => {
  it('names weeks the way the server does, across a year boundary', () => {
    expect(isoWeek(NOW)).toBe('2026-W10');
    expect(isoWeek(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01');
    expect(isoWeek(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2024-12-30T12:00:00Z'))).toBe('2025-W01');
    expect(lastWeeks(4, NOW)).toEqual(['2026-W07', '2026-W08', '2026-W09', '2026-W10']);
  });
  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 8, 11, 36, 180].map(niceMax)).toEqual([1, 1, 5, 10, 20, 50, 200]);
  });
});

describe('WeeklyChart', () => {
  it('draws every week of the period, with heights that follow the counts', () => {
    render(<WeeklyChart weekly={WEEKLY} weeks={4} now={NOW} />);
    const cats = screen.getByTestId('weekly-categories');
    expect(within(cats).getByRole('img').getAttribute('aria-label')).toBe(
      'Mentions per week, by category: 12 mentions over 4 weeks',
    );
    // Four week labels, the quiet weeks W08 and W09 included.
    const ticks = [...cats.querySelectorAll('text.tick')].map((t) => t.textContent);
    expect(ticks).toEqual(expect.arrayContaining(['W07', 'W08', 'W09', 'W10']));
    const segments = [...cats.querySelectorAll('rect')];
    expect(segments.map((r) => r.querySelector('title')?.textContent)).toEqual([
      '2026-W07 · Complaint: 6',
      '2026-W07 · Praise: 2',
      '2026-W10 · Clinical safety: 1',
      '2026-W10 · Complaint: 1',
      '2026-W10 · Question: 2',
    ]);
    const h = (i: number) => Number(segments[i]!.getAttribute('height'));
    // Six complaints stand six times as tall as one; the axis tops out at 10 (8 mentions in W07).
    expect(h(0) / h(3)).toBeCloseTo(6, 5);
    expect(h(0) + h(1)).toBeCloseTo((8 / 10) * (150 - 8 - 20), 5);
    expect(ticks).toContain('10');

    const sentiment = screen.getByTestId('weekly-sentiment');
    expect([...sentiment.querySelectorAll('rect')].map((r) => r.getAttribute('data-series'))).toEqual([
      'negative',
      'positive',
      'negative',
      'neutral',
    ]);
  });

  it('draws the complaint themes as text, never as markup', () => {
    const { container } = render(<WeeklyChart weekly={WEEKLY} weeks={4} now={NOW} />);
    const themes = screen.getByTestId('weekly-themes');
    expect(within(themes).getByText('<img src=x onerror=alert(1)>').tagName.toLowerCase()).toBe('text');
    expect(container.querySelector('img')).toBeNull();
    const bars = [...themes.querySelectorAll('rect')].map((r) => Number(r.getAttribute('width')));
    expect(bars[0]! / bars[1]!).toBeCloseTo(5 / 2, 5);
  });

  it('has the same numbers in a table, a row per week', () => {
    render(<WeeklyChart weekly={WEEKLY} weeks={4} now={NOW} />);
    const rows = within(screen.getByTestId('weekly-table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['2026-W07', '8', '0', '6', '0', '2', '0', '6', '0', '2'],
      ['2026-W08', '0', '0', '0', '0', '0', '0', '0', '0', '0'],
      ['2026-W09', '0', '0', '0', '0', '0', '0', '0', '0', '0'],
      ['2026-W10', '4', '1', '1', '2', '0', '0', '2', '2', '0'],
    ]);
  });

  it('says so when there was no complaint', () => {
    render(<WeeklyChart weekly={{ ...WEEKLY, themes: [] }} weeks={4} now={NOW} />);
    expect(
      within(screen.getByTestId('weekly-themes')).getByText('No complaints in this period.'),
    ).toBeTruthy();
  });
});
