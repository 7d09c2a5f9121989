// @vitest-environment jsdom
// The sortable table must work from the keyboard alone: headers are buttons in the tab order that
// announce the sort, and a focused row opens with Enter.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SortableTable, type Column } from '../../../client/components/SortableTable.tsx';

afterEach(cleanup);

interface Row {
  id: string;
  name: string;
  score: number | null;
}
const rows: Row[] = [
  { id: 'a', name: 'Bea', score: 0.2 },
  { id: 'b', name: 'ana', score: null },
  { id: 'c', name: 'Cal', score: 0.9 },
];
const columns: Column<Row>[] = [
  { key: 'name', header: 'Name', render: (r) => r.name, sortValue: (r) => r.name.toLowerCase() },
  {
    key: 'score',
    header: 'Score',
    render: (r) => (r.score === null ? '—' : r.score.toFixed(1)),
    sortValue: (r) => r.score,
  },
  { key: 'act', header: 'Action', render: (r) => <button type="button">Act on {r.name}</button> },
];

const names = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((tr) => within(tr).getAllByRole('cell')[0]!.textContent);

function setup(onOpen = vi.fn()) {
  render(
    <SortableTable caption="People" rows={rows} columns={columns} rowKey={(r) => r.id} onOpen={onOpen} />,
  );
  return onOpen;
}

describe('SortableTable', () => {
  it('keeps the given order until a header is used', () => {
    setup();
    expect(names()).toEqual(['Bea', 'ana', 'Cal']);
    for (const th of screen.getAllByRole('columnheader')) expect(th.getAttribute('aria-sort')).toBeNull();
  });

  it('sorts by a column, highest first, then lowest first on the second press; empty values last', () => {
    setup();
    const score = screen.getByRole('button', { name: 'Score' });
    fireEvent.click(score);
    expect(names()).toEqual(['Cal', 'Bea', 'ana']);
    expect(score.closest('th')!.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(score);
    expect(names()).toEqual(['Bea', 'Cal', 'ana']);
    expect(score.closest('th')!.getAttribute('aria-sort')).toBe('ascending');
    // Sorting by another column moves the indicator there.
    fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    expect(names()).toEqual(['Cal', 'Bea', 'ana']);
    expect(score.closest('th')!.getAttribute('aria-sort')).toBeNull();
  });

  it('offers sorting only on sortable columns, as focusable buttons', () => {
    setup();
    const buttons = within(screen.getAllByRole('row')[0]!).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Name', 'Score']);
    for (const b of buttons) {
      // A native button: reachable with Tab and pressed with Enter or Space by the browser itself.
      expect(b.tagName).toBe('BUTTON');
      expect(b.getAttribute('type')).toBe('button');
      b.focus();
      expect(document.activeElement).toBe(b);
    }
  });

  it('puts rows in the tab order and opens the focused row with Enter', () => {
    const onOpen = setup();
    const bodyRows = screen.getAllByRole('row').slice(1);
    for (const tr of bodyRows) expect(tr.tabIndex).toBe(0);
    bodyRows[2]!.focus();
    fireEvent.keyDown(bodyRows[2]!, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(rows[2]);
    fireEvent.keyDown(bodyRows[2]!, { key: 'a' });
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('does not open the row when Enter is pressed on a control inside it', () => {
    const onOpen = setup();
    const button = screen.getByRole('button', { name: 'Act on Bea' });
    fireEvent.keyDown(button, { key: 'Enter' });
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('marks the selected row and leaves rows out of the tab order when they cannot open', () => {
    render(
      <SortableTable caption="People" rows={rows} columns={columns} rowKey={(r) => r.id} selectedKey="c" />,
    );
    const bodyRows = screen.getAllByRole('row').slice(1);
    expect(bodyRows.map((tr) => tr.className)).toEqual(['', '', 'selected']);
    for (const tr of bodyRows) expect(tr.getAttribute('tabindex')).toBeNull();
  });
});
