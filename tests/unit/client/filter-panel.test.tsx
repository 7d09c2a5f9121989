// @vitest-environment jsdom
// The filter form: edits stay local until "Apply", bad values are refused beside their field, and
// "Clear" goes back to the defaults.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { draftToFilters, FilterPanel } from '../../../client/components/FilterPanel.tsx';
import {
  DEFAULT_RADIUS_KM,
  parseState,
  serializeState,
  type InfluencerFilters,
} from '../../../client/state/filters.ts';

afterEach(cleanup);

const blank = {
  hashtag: '',
  specialty: '',
  near: '',
  radiusKm: '50',
  region: '',
  role: '',
  community: '',
  minScore: '',
  from: '',
  to: '',
  sort: '',
};

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const apply = () => fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));

describe('FilterPanel', () => {
  it('shows the filters it was given', () => {
    const { filters } = parseState('?specialty=oncology&near=Lyon&radiusKm=30&role=researcher&community=0');
    render(<FilterPanel filters={filters} onApply={() => {}} />);
    expect((screen.getByLabelText('Specialty') as HTMLInputElement).value).toBe('oncology');
    expect((screen.getByLabelText('Near (place)') as HTMLInputElement).value).toBe('Lyon');
    expect((screen.getByLabelText('Radius (km)') as HTMLInputElement).value).toBe('30');
    expect((screen.getByLabelText('Role') as HTMLSelectElement).value).toBe('researcher');
    expect((screen.getByLabelText('Community') as HTMLInputElement).value).toBe('0');
  });

  it('applies a specialty and a place only when asked, trimmed and without the #', () => {
    const onApply = vi.fn();
    render(<FilterPanel filters={{ radiusKm: DEFAULT_RADIUS_KM }} onApply={onApply} />);
    type('Specialty', '  diabetes ');
    type('Near (place)', 'Boston');
    type('Hashtag', '#T1D');
    type('Radius (km)', '25');
    expect(onApply).not.toHaveBeenCalled();
    apply();
    expect(onApply).toHaveBeenCalledTimes(1);
    expect(onApply.mock.calls[0]![0]).toEqual<InfluencerFilters>({
      hashtag: 'T1D',
      specialty: 'diabetes',
      near: 'Boston',
      radiusKm: 25,
      region: undefined,
      role: undefined,
      community: undefined,
      minScore: undefined,
    });
  });

  it('applies a period, the interaction types that count and the ranking order', () => {
    const onApply = vi.fn();
    render(<FilterPanel filters={{ radiusKm: DEFAULT_RADIUS_KM }} onApply={onApply} />);
    type('From', '2025-01-01');
    type('To', '2025-03-31');
    fireEvent.click(screen.getByLabelText('Mentions'));
    fireEvent.click(screen.getByLabelText('Quotes'));
    type('Rank by', 'rising');
    apply();
    expect(onApply.mock.calls[0]![0]).toMatchObject({
      from: '2025-01-01',
      to: '2025-03-31',
      types: ['reply', 'repost'],
      sort: 'rising',
    });
  });

  it('shows flagged accounts on request, keeps it in the link, and says what a period does to follows', () => {
    const onApply = vi.fn();
    render(<FilterPanel filters={{ radiusKm: DEFAULT_RADIUS_KM }} onApply={onApply} />);
    expect(screen.getByText('Follows have no date: a period or a type filter leaves them out.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Show accounts flagged as spam or bots'));
    apply();
    expect(onApply.mock.calls[0]![0]).toMatchObject({ includeFlagged: true });
    const link = serializeState({ view: 'influencers', filters: onApply.mock.calls[0]![0] });
    expect(link).toContain('includeFlagged=true');
    expect(parseState(link).filters.includeFlagged).toBe(true);
    expect(parseState('?includeFlagged=yes').filters.includeFlagged).toBeUndefined();
  });

  it('refuses a period that ends before it starts, beside the field', () => {
    const onApply = vi.fn();
    render(<FilterPanel filters={{ radiusKm: DEFAULT_RADIUS_KM }} onApply={onApply} />);
    type('From', '2025-03-01');
    type('To', '2025-01-01');
    apply();
    expect(onApply).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('To must not be before From');
  });

  it('shows a period and types from the link, and all types means no type filter', () => {
    const { filters } = parseState('?from=2025-01-01&to=2025-02-01&types=reply,bogus&sort=localReach');
    expect(filters).toMatchObject({
      from: '2025-01-01',
      to: '2025-02-01',
      types: ['reply'],
      sort: 'localReach',
    });
    const onApply = vi.fn();
    render(<FilterPanel filters={filters} onApply={onApply} />);
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2025-01-01');
    expect((screen.getByLabelText('Replies') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Reposts') as HTMLInputElement).checked).toBe(false);
    for (const t of ['Mentions', 'Reposts', 'Quotes']) fireEvent.click(screen.getByLabelText(t));
    apply();
    expect(onApply.mock.calls[0]![0].types).toBeUndefined();
  });

  it.each([
    ['0', 'rangeUnderflow'],
    ['99999', 'rangeOverflow'],
  ] as const)('holds back a radius of %s with the browser’s own range check', (value, flag) => {
    const onApply = vi.fn();
    render(<FilterPanel filters={{ radiusKm: DEFAULT_RADIUS_KM }} onApply={onApply} />);
    type('Radius (km)', value);
    apply();
    expect(onApply).not.toHaveBeenCalled();
    expect((screen.getByLabelText('Radius (km)') as HTMLInputElement).validity[flag]).toBe(true);
  });

  it('refuses an out-of-range radius in its own check too (a form submitted without validation)', () => {
    expect(draftToFilters({ ...blank, radiusKm: '0' })).toEqual({
      errors: { radiusKm: 'Radius must be between 1 and 20000 km' },
    });
    expect(draftToFilters({ ...blank, radiusKm: '' })).toEqual({
      errors: { radiusKm: 'Radius must be between 1 and 20000 km' },
    });
    expect(draftToFilters({ ...blank, radiusKm: '20000' })).toMatchObject({ filters: { radiusKm: 20000 } });
  });

  it.each([
    ['Community', 'seven', 'Community is a number'],
    ['Community', '-2', 'Community is a number'],
    ['Minimum score', '-0.5', 'Minimum score is a number from 0 to 1'],
    ['Minimum score', 'high', 'Minimum score is a number from 0 to 1'],
    ['Minimum score', '2', 'Minimum score is a number from 0 to 1'],
  ])('refuses %s = %j beside the field and applies nothing', (label, value, message) => {
    const onApply = vi.fn();
    render(<FilterPanel filters={{ radiusKm: DEFAULT_RADIUS_KM }} onApply={onApply} />);
    type(label, value);
    apply();
    expect(onApply).not.toHaveBeenCalled();
    const field = screen.getByLabelText(label);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(field.getAttribute('aria-describedby')!)!;
    expect(error.textContent).toBe(message);
    expect(error.getAttribute('role')).toBe('alert');

    // Fixing the value clears the error on the next apply.
    type(label, '1');
    apply();
    expect(onApply).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('clears every field and applies the defaults', () => {
    const onApply = vi.fn();
    const { filters } = parseState('?specialty=oncology&near=Lyon&radiusKm=30&minScore=0.2');
    render(<FilterPanel filters={filters} onApply={onApply} />);
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(onApply).toHaveBeenCalledWith({ radiusKm: DEFAULT_RADIUS_KM });
    expect((screen.getByLabelText('Specialty') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Near (place)') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Radius (km)') as HTMLInputElement).value).toBe(String(DEFAULT_RADIUS_KM));
  });

  it('submits with Enter in a field (it is a real form)', () => {
    const onApply = vi.fn();
    render(<FilterPanel filters={{ radiusKm: DEFAULT_RADIUS_KM }} onApply={onApply} />);
    type('Region', 'Ohio');
    fireEvent.submit(screen.getByRole('form', { name: 'Filters' }));
    expect(onApply.mock.calls[0]![0]).toMatchObject({ region: 'Ohio' });
  });
});
