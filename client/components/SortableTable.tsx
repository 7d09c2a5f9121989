// A table whose column headers sort it (click or Enter/Space on the header button) and whose rows
// open with a click or Enter, so it works from the keyboard alone.
import { useMemo, useState, type ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** Present when the column can be sorted. */
  sortValue?: (row: T) => string | number | null;
  className?: string;
}

export function SortableTable<T>(props: {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  onOpen?: (row: T) => void;
  initialSort?: { key: string; dir: 'asc' | 'desc' };
  caption: string;
  selectedKey?: string | undefined;
}) {
  const [sort, setSort] = useState(props.initialSort ?? null);
  const sorted = useMemo(() => {
    const col = props.columns.find((c) => c.key === sort?.key);
    if (!sort || !col?.sortValue) return props.rows;
    const val = col.sortValue;
    const dir = sort.dir === 'asc' ? 1 : -1;
    return [...props.rows].sort((a, b) => {
      const x = val(a);
      const y = val(b);
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * dir;
    });
  }, [props.rows, props.columns, sort]);

  return (
    <table className="data-table">
      <caption className="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          {props.columns.map((c) => {
            const active = sort?.key === c.key;
            return (
              <th
                key={c.key}
                scope="col"
                className={c.className}
                aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {c.sortValue ? (
                  <button
                    type="button"
                    className="sort"
                    onClick={() =>
                      setSort({ key: c.key, dir: active && sort.dir === 'desc' ? 'asc' : 'desc' })
                    }
                  >
                    {c.header}
                    <span aria-hidden="true">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                ) : (
                  c.header
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => {
          const key = props.rowKey(r);
          return (
            <tr
              key={key}
              tabIndex={props.onOpen ? 0 : undefined}
              className={key === props.selectedKey ? 'selected' : undefined}
              onClick={props.onOpen ? () => props.onOpen?.(r) : undefined}
              onKeyDown={
                props.onOpen
                  ? (e) => {
                      if (e.key === 'Enter' && e.target === e.currentTarget) props.onOpen?.(r);
                    }
                  : undefined
              }
            >
              {props.columns.map((c) => (
                <td key={c.key} className={c.className}>
                  {c.render(r)}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
