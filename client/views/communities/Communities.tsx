// Communities (label, size, top hashtags, top accounts, and whether anyone in it is already an engaged
// advocate: a relationship at "responded" or "partner") and the hashtag co-occurrence view.
import { account, communities, community, hashtags, pipeline } from '../../api/endpoints.ts';
import type { Community, HashtagCooccurrence } from '../../api/types.ts';
import { SortableTable, type Column } from '../../components/SortableTable.tsx';
import { communityColor } from '../../graph/style.ts';
import { toCsv } from '../../lib/csv.ts';
import { downloadText } from '../../lib/download.ts';
import { useAsync } from '../../lib/useAsync.ts';

/** Communities that hold at least one engaged account, from the engaged accounts' community ids. */
function engagedCommunities(
  engagedAccountCommunities: readonly (number | string | null | undefined)[],
): Set<string> {
  return new Set(engagedAccountCommunities.filter((c) => c !== null && c !== undefined).map(String));
}

async function loadEngaged(signal: AbortSignal): Promise<Set<string>> {
  const [responded, partner] = await Promise.all([
    pipeline({ stage: 'responded' }, signal),
    pipeline({ stage: 'partner' }, signal),
  ]);
  // Few accounts reach these stages, so asking for each profile is cheap; capped all the same.
  const ids = [...responded.items, ...partner.items].slice(0, 100).map((i) => i.relationship.accountId);
  const profiles = await Promise.all(ids.map((id) => account(id, signal).catch(() => null)));
  return engagedCommunities(profiles.map((p) => p?.community?.id));
}

export function Communities(props: {
  tag: string | undefined;
  onTag: (t: string | undefined) => void;
  onOpenCommunity: (id: number) => void;
  onOpenAccount: (id: string) => void;
}) {
  const list = useAsync((s) => communities(s), []);
  const engaged = useAsync((s) => loadEngaged(s), []);
  const tags = useAsync((s) => hashtags(props.tag, s), [props.tag]);
  // The list names top accounts by id only; each community's detail has their handles, which people
  // recognise (a column of "csv:100145" told nobody anything).
  const handles = useAsync(
    async (s) => {
      const details = await Promise.all(
        (list.data ?? []).slice(0, 50).map((c) => community(c.id, s).catch(() => null)),
      );
      const out = new Map<string, string>();
      for (const d of details)
        for (const a of d?.topAccountDetails ?? []) if (a.handle) out.set(a.accountId, a.handle);
      return out;
    },
    [list.data],
  );

  const columns: Column<Community>[] = [
    {
      key: 'id',
      header: 'Community',
      render: (c) => (
        <>
          <span className="swatch" style={{ background: communityColor(c.id) }} aria-hidden="true" />{' '}
          {c.label ?? `#${c.id}`}
        </>
      ),
      sortValue: (c) => c.id,
    },
    { key: 'size', header: 'Accounts', render: (c) => c.size, sortValue: (c) => c.size, className: 'num' },
    {
      key: 'tags',
      header: 'Top hashtags',
      render: (c) =>
        c.topHashtags
          .slice(0, 5)
          .map((t) => `#${t}`)
          .join(' '),
    },
    {
      key: 'accounts',
      header: 'Top accounts',
      className: 'top-accounts',
      render: (c) =>
        c.topAccounts.slice(0, 3).map((id) => (
          <button
            key={id}
            type="button"
            className="link"
            onClick={(e) => {
              e.stopPropagation();
              props.onOpenAccount(id);
            }}
          >
            {handles.data?.has(id) ? `@${handles.data.get(id)}` : id}
          </button>
        )),
    },
    {
      key: 'advocate',
      header: 'Engaged advocate',
      render: (c) =>
        engaged.data ? engaged.data.has(String(c.id)) ? 'yes' : <span className="muted">none yet</span> : '…',
      sortValue: (c) => (engaged.data?.has(String(c.id)) ? 1 : 0),
    },
    {
      key: 'stability',
      header: 'Stable across runs',
      render: (c) => stabilityWords(c.stability),
      sortValue: (c) => c.stability ?? -1,
    },
    {
      key: 'modularity',
      header: 'Modularity share',
      render: (c) => c.modularity.toFixed(3),
      sortValue: (c) => c.modularity,
      className: 'num',
    },
  ];

  return (
    <section className="content" aria-labelledby="communities-title">
      <header className="toolbar">
        <h2 id="communities-title">Communities</h2>
        <button
          type="button"
          disabled={!list.data?.length}
          onClick={() =>
            downloadText(
              toCsv(list.data ?? [], [
                { header: 'community', value: (c) => c.id },
                { header: 'label', value: (c) => c.label },
                { header: 'size', value: (c) => c.size },
                { header: 'top_hashtags', value: (c) => c.topHashtags.join(' ') },
                {
                  header: 'engaged_advocate',
                  value: (c) => (engaged.data?.has(String(c.id)) ? 'yes' : 'no'),
                },
              ]),
              'communities.csv',
              'text/csv',
            )
          }
        >
          Export CSV
        </button>
      </header>
      {list.error && <p role="alert">{list.error.message}</p>}
      {list.data && list.data.length === 0 && <p>No communities yet: run the analysis (Admin).</p>}
      {list.data && (
        <SortableTable
          caption="Communities"
          rows={list.data}
          columns={columns}
          rowKey={(c) => String(c.id)}
          onOpen={(c) => props.onOpenCommunity(c.id)}
          initialSort={{ key: 'size', dir: 'desc' }}
        />
      )}

      <section aria-labelledby="hashtags-title" className="hashtags">
        <h2 id="hashtags-title">Hashtags {props.tag && <>with #{props.tag}</>}</h2>
        {props.tag && (
          <button type="button" className="link" onClick={() => props.onTag(undefined)}>
            All hashtags
          </button>
        )}
        {tags.error && <p role="alert">{tags.error.message}</p>}
        <div className="two-cols">
          <div>
            <h3>{props.tag ? 'Used together with it' : 'Most used'}</h3>
            <ol className="bars">
              {cooccurring(props.tag, tags.data).map((t, _i, list) => (
                <li key={t.tag}>
                  <button type="button" className="link" onClick={() => props.onTag(t.tag)}>
                    #{t.tag}
                  </button>
                  <span
                    className="bar"
                    style={{ width: `${(100 * t.posts) / Math.max(list[0]?.posts ?? 1, 1)}%` }}
                    aria-hidden="true"
                  />
                  <span className="muted">
                    {t.posts} {t.posts === 1 ? 'post' : 'posts'}
                  </span>
                </li>
              ))}
            </ol>
            {props.tag && tags.data && tags.data.pairs.length === 0 && (
              <p className="muted">No other hashtag appears on the same posts as #{props.tag}.</p>
            )}
          </div>
          <div>
            <h3>Pairs that appear together</h3>
            <ol>
              {tags.data?.pairs.slice(0, 30).map((p) => (
                <li key={`${p.a}|${p.b}`}>
                  #{p.a} + #{p.b} <span className="muted">{p.count} posts</span>
                </li>
              ))}
            </ol>
          </div>
        </div>
      </section>
    </section>
  );
}

/**
 * The bars beside the hashtag list: the most used hashtags, or, for one hashtag, the hashtags on the
 * same posts with how many posts they share (the answer's items then hold only the hashtag itself).
 */
export function cooccurring(
  tag: string | undefined,
  data: HashtagCooccurrence | undefined,
): { tag: string; posts: number }[] {
  if (!data) return [];
  if (!tag) return data.items;
  return data.pairs.map((p) => ({ tag: p.a === tag ? p.b : p.a, posts: p.count }));
}

/** Plain words for a community's stability across seeds (mean best-match Jaccard). */
function stabilityWords(stability: number | null): string {
  if (stability === null) return '—';
  const pct = `${Math.round(stability * 100)} %`;
  if (stability >= 0.9) return `very stable (${pct} found again)`;
  if (stability >= 0.7) return `mostly stable (${pct} found again)`;
  if (stability >= 0.5) return `partly stable (${pct} found again)`;
  return `changes between runs (${pct} found again)`;
}
