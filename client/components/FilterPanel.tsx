// The filters shared by Explore and Influencers. Edits stay local until "Apply", so typing a place
// name does not send a request per key; the applied filters go to the URL.
import { roleLabel } from '../lib/words.ts';
import { useState, type FormEvent } from 'react';
import {
  ACCOUNT_ROLES,
  DEFAULT_RADIUS_KM,
  INTERACTION_TYPE_FILTERS,
  RANKING_SORTS,
  type InfluencerFilters,
  type InteractionTypeFilter,
  type RankingSort,
} from '../state/filters.ts';

const TYPE_LABEL: Record<InteractionTypeFilter, string> = {
  mention: 'Mentions',
  reply: 'Replies',
  repost: 'Reposts',
  quote: 'Quotes',
};
const SORT_LABEL: Record<RankingSort, string> = {
  topic: 'Influence in the topic or period',
  score: 'Overall influence',
  localReach: 'Local reach',
  rising: 'Rising (against the period before)',
};

interface Draft {
  hashtag: string;
  specialty: string;
  near: string;
  radiusKm: string;
  region: string;
  role: string;
  community: string;
  minScore: string;
  from: string;
  to: string;
  sort: string;
}

type TextField = keyof Draft;

const toDraft = (f: InfluencerFilters): Draft => ({
  hashtag: f.hashtag ?? '',
  specialty: f.specialty ?? '',
  near: f.near ?? '',
  radiusKm: String(f.radiusKm),
  region: f.region ?? '',
  role: f.role ?? '',
  community: f.community === undefined ? '' : String(f.community),
  minScore: f.minScore === undefined ? '' : String(f.minScore),
  from: f.from ?? '',
  to: f.to ?? '',
  sort: f.sort ?? '',
});

/** Draft form values → filters; returns the fields at fault instead when some value is unusable. */
export function draftToFilters(
  d: Draft,
  types: readonly InteractionTypeFilter[] = INTERACTION_TYPE_FILTERS,
  includeFlagged = false,
): { filters: InfluencerFilters } | { errors: Partial<Record<keyof Draft, string>> } {
  const errors: Partial<Record<keyof Draft, string>> = {};
  const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());
  const radius = Number(d.radiusKm);
  if (!(radius > 0 && radius <= 20_000)) errors.radiusKm = 'Radius must be between 1 and 20000 km';
  const community = opt(d.community);
  if (community !== undefined && !/^\d+$/.test(community)) errors.community = 'Community is a number';
  const minScore = opt(d.minScore);
  if (minScore !== undefined && !(Number(minScore) >= 0 && Number(minScore) <= 1))
    errors.minScore = 'Minimum score is a number from 0 to 1';
  const from = opt(d.from);
  const to = opt(d.to);
  const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
  if (from !== undefined && !isDay(from)) errors.from = 'From is a date like 2025-01-31';
  if (to !== undefined && !isDay(to)) errors.to = 'To is a date like 2025-03-31';
  if (from && to && isDay(from) && isDay(to) && from > to) errors.to = 'To must not be before From';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    filters: {
      hashtag: opt(d.hashtag)?.replace(/^#/, ''),
      specialty: opt(d.specialty),
      near: opt(d.near),
      radiusKm: radius || DEFAULT_RADIUS_KM,
      region: opt(d.region),
      role: (ACCOUNT_ROLES as readonly string[]).includes(d.role)
        ? (d.role as InfluencerFilters['role'])
        : undefined,
      community: community === undefined ? undefined : Number(community),
      minScore: minScore === undefined ? undefined : Number(minScore),
      from,
      to,
      // All types is no filter at all.
      types: types.length > 0 && types.length < INTERACTION_TYPE_FILTERS.length ? [...types] : undefined,
      sort: (RANKING_SORTS as readonly string[]).includes(d.sort) ? (d.sort as RankingSort) : undefined,
      includeFlagged: includeFlagged || undefined,
    },
  };
}

export function FilterPanel(props: {
  filters: InfluencerFilters;
  onApply: (f: InfluencerFilters) => void;
  specialties?: readonly string[];
}) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(props.filters));
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [types, setTypes] = useState<InteractionTypeFilter[]>(() => [
    ...(props.filters.types ?? INTERACTION_TYPE_FILTERS),
  ]);
  const [includeFlagged, setIncludeFlagged] = useState(props.filters.includeFlagged === true);
  const field = (k: TextField) => ({
    id: `filter-${k}`,
    name: k,
    value: draft[k],
    'aria-invalid': errors[k] ? true : undefined,
    'aria-describedby': errors[k] ? `filter-${k}-error` : undefined,
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value })),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = draftToFilters(draft, types, includeFlagged);
    if ('errors' in r) return setErrors(r.errors);
    setErrors({});
    props.onApply(r.filters);
  };
  const clear = () => {
    const empty = { radiusKm: DEFAULT_RADIUS_KM };
    setDraft(toDraft(empty));
    setTypes([...INTERACTION_TYPE_FILTERS]);
    setIncludeFlagged(false);
    setErrors({});
    props.onApply(empty);
  };
  const err = (k: keyof Draft) =>
    errors[k] ? (
      <span className="field-error" id={`filter-${k}-error`} role="alert">
        {errors[k]}
      </span>
    ) : null;

  return (
    <form className="filters" aria-label="Filters" onSubmit={submit}>
      <label htmlFor="filter-specialty">Specialty</label>
      <input {...field('specialty')} list="specialty-options" placeholder="e.g. diabetes" />
      {props.specialties && (
        <datalist id="specialty-options">
          {props.specialties.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
      <label htmlFor="filter-hashtag">Hashtag</label>
      <input {...field('hashtag')} placeholder="e.g. t1d" />
      <label htmlFor="filter-near">Near (place)</label>
      <input {...field('near')} placeholder="e.g. Boston" />
      <label htmlFor="filter-radiusKm">Radius (km)</label>
      <input {...field('radiusKm')} type="number" min={1} max={20000} />
      {err('radiusKm')}
      <label htmlFor="filter-region">Region</label>
      <input {...field('region')} placeholder="e.g. Massachusetts" />
      <label htmlFor="filter-role">Role</label>
      <select {...field('role')}>
        <option value="">Any</option>
        {ACCOUNT_ROLES.map((r) => (
          <option key={r} value={r}>
            {roleLabel(r)}
          </option>
        ))}
      </select>
      <label htmlFor="filter-community">Community</label>
      <input {...field('community')} inputMode="numeric" />
      {err('community')}
      <label htmlFor="filter-minScore">Minimum score</label>
      <input {...field('minScore')} inputMode="decimal" />
      {err('minScore')}
      <fieldset className="period">
        <legend>Period</legend>
        <label htmlFor="filter-from">From</label>
        <input {...field('from')} type="date" />
        {err('from')}
        <label htmlFor="filter-to">To</label>
        <input {...field('to')} type="date" />
        {err('to')}
      </fieldset>
      <fieldset className="types">
        <legend>Interactions that count</legend>
        {INTERACTION_TYPE_FILTERS.map((t) => (
          <label key={t} className="check">
            <input
              type="checkbox"
              name="types"
              value={t}
              checked={types.includes(t)}
              onChange={(e) =>
                setTypes((list) =>
                  e.target.checked
                    ? INTERACTION_TYPE_FILTERS.filter((x) => x === t || list.includes(x))
                    : list.filter((x) => x !== t),
                )
              }
            />
            {TYPE_LABEL[t]}
          </label>
        ))}
        <p className="hint" id="filter-follows-hint">
          Follows have no date: a period or a type filter leaves them out.
        </p>
      </fieldset>
      <label htmlFor="filter-sort">Rank by</label>
      <select {...field('sort')}>
        <option value="">Default</option>
        {RANKING_SORTS.map((s) => (
          <option key={s} value={s}>
            {SORT_LABEL[s]}
          </option>
        ))}
      </select>
      <label className="check">
        <input
          type="checkbox"
          name="includeFlagged"
          checked={includeFlagged}
          onChange={(e) => setIncludeFlagged(e.target.checked)}
        />
        Show accounts flagged as spam or bots
      </label>
      <div className="buttons">
        <button type="submit" className="primary">
          Apply filters
        </button>
        <button type="button" onClick={clear}>
          Clear
        </button>
      </div>
    </form>
  );
}
