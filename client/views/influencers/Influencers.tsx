// Influencers for the current filters: a sortable, keyboard-usable table with why each is ranked, a
// button to add an account to the outreach pipeline, "more" paging and a CSV of what is shown.
import { roleLabel } from '../../lib/words.ts';
import { useState } from 'react';
import { influencers } from '../../api/endpoints.ts';
import type { InfluencerItem } from '../../api/types.ts';
import { FilterPanel } from '../../components/FilterPanel.tsx';
import { SortableTable, type Column } from '../../components/SortableTable.tsx';
import { toCsv } from '../../lib/csv.ts';
import { downloadText } from '../../lib/download.ts';
import { useAsync } from '../../lib/useAsync.ts';
import type { InfluencerFilters } from '../../state/filters.ts';
import { useCan } from '../../state/session.ts';
import { PipelineButton } from './PipelineButton.tsx';
import { influencerCsvColumns, influencerCsvRows, placeText, whyText } from './columns.ts';

function applyMinScore(items: readonly InfluencerItem[], minScore: number | undefined): InfluencerItem[] {
  return minScore === undefined ? [...items] : items.filter((i) => i.score >= minScore);
}

/** The score the ranking used: the topic score when a topic was asked for, else the global score. */
function shownScore(i: InfluencerItem): number | null {
  return i.topic ? i.topic.score : i.score;
}

export function Influencers(props: {
  filters: InfluencerFilters;
  onFilters: (f: InfluencerFilters) => void;
  selected: string | undefined;
  /** The row comes along so the account panel can say where the account stands in this ranking. */
  onOpen: (accountId: string, item?: InfluencerItem) => void;
}) {
  const { filters } = props;
  const key = JSON.stringify(filters);
  const [extra, setExtra] = useState<{ key: string; items: InfluencerItem[]; next: string | null } | null>(
    null,
  );
  const first = useAsync((s) => influencers(filters, { limit: 100 }, s), [key]);
  const canWrite = useCan('outreach');

  const pages = extra?.key === key ? extra : null;
  const all = [...(first.data?.items ?? []), ...(pages?.items ?? [])];
  const next = pages ? pages.next : (first.data?.next ?? null);
  const rows = applyMinScore(all, filters.minScore);

  const more = async () => {
    if (!next) return;
    const page = await influencers(filters, { limit: 100, cursor: next });
    setExtra({ key, items: [...(pages?.items ?? []), ...page.items], next: page.next });
  };

  const columns: Column<InfluencerItem>[] = [
    {
      key: 'rank',
      header: '#',
      render: (i) => all.indexOf(i) + 1,
      sortValue: (i) => all.indexOf(i),
      className: 'num',
    },
    {
      key: 'handle',
      header: 'Account',
      render: (i) => (
        <>
          <strong>{i.name ?? i.handle ?? i.accountId}</strong>
          <div className="muted handle">@{i.handle ?? i.accountId}</div>
          <div className="muted role">{roleLabel(i.role)}</div>
        </>
      ),
      sortValue: (i) => (i.handle ?? '').toLowerCase(),
    },
    {
      key: 'score',
      header: 'Score',
      // In a topic the list is ranked by influence inside that conversation, so the column shows that
      // score (the global one is in the account panel); sorting it then gives the ranking's own order.
      render: (i) => {
        const s = shownScore(i);
        return s === null ? '—' : s.toFixed(3);
      },
      sortValue: (i) => shownScore(i) ?? -1,
      className: 'num',
    },
    {
      key: 'specialties',
      header: 'Specialties',
      render: (i) => i.specialties.join(', '),
      sortValue: (i) => i.specialties.join(','),
      // wide-only: folded away while the account panel is open (styles.css), which shows them.
      className: 'wide-only',
    },
    { key: 'place', header: 'Place', render: placeText, sortValue: placeText, className: 'wide-only' },
    // The community is named in "Why ranked" (and is a column of the CSV): a column of its own made
    // the table wider than a 1280-pixel screen.
    { key: 'why', header: 'Why ranked', render: whyText, className: 'why' },
  ];
  if (canWrite) {
    columns.push({
      key: 'add',
      header: 'Outreach',
      // The open panel has its own stage control, so this column folds away beside it.
      className: 'nowrap wide-only',
      render: (i) => <PipelineButton key={i.accountId} item={i} />,
    });
  }

  return (
    <div className="with-filters">
      <FilterPanel key={key} filters={filters} onApply={props.onFilters} />
      <section className="content" aria-labelledby="influencers-title">
        <header className="toolbar">
          <h2 id="influencers-title">Influencers</h2>
          <span className="muted" data-testid="influencer-count">
            {first.loading ? 'Loading…' : `${rows.length} shown`}
          </span>
          <button
            type="button"
            disabled={rows.length === 0}
            onClick={() =>
              downloadText(
                toCsv(influencerCsvRows(rows), influencerCsvColumns),
                'influencers.csv',
                'text/csv',
              )
            }
          >
            Export CSV
          </button>
        </header>
        {first.error && <p role="alert">{first.error.message}</p>}
        {!first.loading && rows.length === 0 && !first.error && <p>No account matches these filters.</p>}
        <SortableTable
          caption="Influencers for the current filters"
          rows={rows}
          columns={columns}
          rowKey={(i) => i.accountId}
          onOpen={(i) => props.onOpen(i.accountId, i)}
          selectedKey={props.selected}
        />
        {next && (
          <button type="button" onClick={() => void more()}>
            Load more
          </button>
        )}
      </section>
    </div>
  );
}
