// The filters shared by Explore and Influencers. Edits stay local until "Apply", so typing a place
// name does not send a request per key; the applied filters go to the URL.
import { useState, type FormEvent } from 'react';
import { ACCOUNT_ROLES, DEFAULT_RADIUS_KM, type InfluencerFilters } from '../state/filters.ts';

interface Draft {
  hashtag: string;
  specialty: string;
  near: string;
  radiusKm: string;
  region: string;
  role: string;
  community: string;
  minScore: string;
}

const toDraft = (f: InfluencerFilters): Draft => ({
  hashtag: f.hashtag ?? '',
  specialty: f.specialty ?? '',
  near: f.near ?? '',
  radiusKm: String(f.radiusKm),
  region: f.region ?? '',
  role: f.role ?? '',
  community: f.community === undefined ? '' : String(f.community),
  minScore: f.minScore === undefined ? '' : String(f.minScore),
});

/** Draft form values → filters; returns the fields at fault instead when some value is unusable. */
export function draftToFilters(
  d: Draft,
): { filters: InfluencerFilters } | { errors: Partial<Record<keyof Draft, string>> } {
  const errors: Partial<Record<keyof Draft, string>> = {};
  const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());
  const radius = Number(d.radiusKm);
  if (!(radius > 0 && radius <= 20_000)) errors.radiusKm = 'Radius must be between 1 and 20000 km';
  const community = opt(d.community);
  if (community !== undefined && !/^\d+$/.test(community)) errors.community = 'Community is a number';
  const minScore = opt(d.minScore);
  if (minScore !== undefined && !(Number(minScore) >= 0)) errors.minScore = 'Minimum score is a number ≥ 0';
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
  const field = (k: keyof Draft) => ({
    id: `filter-${k}`,
    name: k,
    value: draft[k],
    'aria-invalid': errors[k] ? true : undefined,
    'aria-describedby': errors[k] ? `filter-${k}-error` : undefined,
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value })),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = draftToFilters(draft);
    if ('errors' in r) return setErrors(r.errors);
    setErrors({});
    props.onApply(r.filters);
  };
  const clear = () => {
    const empty = { radiusKm: DEFAULT_RADIUS_KM };
    setDraft(toDraft(empty));
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
            {r.replace('_', ' ')}
          </option>
        ))}
      </select>
      <label htmlFor="filter-community">Community</label>
      <input {...field('community')} inputMode="numeric" />
      {err('community')}
      <label htmlFor="filter-minScore">Minimum score</label>
      <input {...field('minScore')} inputMode="decimal" />
      {err('minScore')}
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
