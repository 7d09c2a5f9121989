// Admin → Our identity: what the mentions inbox matches posts against (our accounts, names,
// nicknames, physicians, campuses, brand hashtags), what only looks like us (exclusions), the public
// contact details replies may give, and the first-response targets. One term per line; the server
// folds case and accents and keeps each term once. Saving changes what new posts match; "Rescan
// posts now" runs the listening scan as a job so posts already loaded are matched again.
import { useEffect, useState, type FormEvent } from 'react';
import { job as fetchJob, startJob } from '../../api/endpoints.ts';
import { ApiError, get, request } from '../../api/http.ts';
import type { Job } from '../../api/types.ts';
import { useAsync } from '../../lib/useAsync.ts';
import type {
  Category,
  Identity as IdentityDoc,
  IdentityList,
  Sla,
} from '../../../queries/listening/contract.ts';

const LISTS: { key: IdentityList; label: string; hint: string }[] = [
  { key: 'accounts', label: 'Our accounts', hint: '@handle, or platform:id' },
  { key: 'names', label: 'Names', hint: 'the names people write' },
  { key: 'nicknames', label: 'Nicknames', hint: 'short and informal names' },
  { key: 'physicians', label: 'Physicians', hint: 'their public names; "Dr." is optional' },
  { key: 'campuses', label: 'Campuses', hint: 'sites and clinics' },
  { key: 'hashtags', label: 'Brand hashtags', hint: 'with or without #' },
  { key: 'exclusions', label: 'Not us', hint: 'phrases that look like us and are not ("have mercy")' },
  { key: 'contacts', label: 'Public contact details', hint: 'phone numbers and addresses replies may give' },
];

const TARGETS: { key: Category; label: string }[] = [
  { key: 'clinical_safety', label: 'Clinical safety' },
  { key: 'complaint', label: 'Complaint' },
  { key: 'question', label: 'Question' },
  { key: 'praise', label: 'Praise' },
  { key: 'other', label: 'Other' },
];

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const getIdentity = (signal?: AbortSignal) => get<IdentityDoc>('/api/identity', undefined, signal);
const putIdentity = (body: IdentityDoc) => request<IdentityDoc>('PUT', '/api/identity', { body });

/** The form's state: each list as the text of its box, one term per line; the SLA as it is. */
type Draft = Record<IdentityList, string> & { sla: Sla };

function toDraft(doc: IdentityDoc): Draft {
  const lists = Object.fromEntries(LISTS.map((l) => [l.key, doc[l.key].join('\n')])) as Record<
    IdentityList,
    string
  >;
  return { ...lists, sla: doc.sla };
}

function fromDraft(d: Draft): IdentityDoc {
  const lists = Object.fromEntries(
    LISTS.map((l) => [
      l.key,
      d[l.key]
        .split('\n')
        .map((t) => t.trim())
        .filter(Boolean),
    ]),
  ) as Record<IdentityList, string[]>;
  return { ...lists, sla: d.sla };
}

/** Which box a server error belongs to: `body.names.3` → names; `body.sla.…` → sla. */
function fieldOf(err: ApiError): string | null {
  const f = err.details[0]?.field ?? err.message.split(':')[0] ?? '';
  const part = f.split('.')[1];
  return part ?? null;
}

function ScanStatus(props: { job: Job }) {
  const j = props.job;
  const r = j.result as { scanned?: number; matched?: number; created?: number } | null;
  if (j.status === 'running') {
    return (
      <p role="status" data-testid="scan-status">
        Rescanning… {j.progress.message ?? ''}
        <progress
          max={100}
          value={j.progress.fraction === null ? undefined : Math.round(100 * j.progress.fraction)}
          aria-label="rescan progress"
        />
      </p>
    );
  }
  if (j.status === 'failed') return <p role="alert">Rescan failed: {j.error}</p>;
  return (
    <p role="status" data-testid="scan-status">
      Rescan done: {(r?.scanned ?? 0).toLocaleString('en-US')} posts read,{' '}
      {(r?.matched ?? 0).toLocaleString('en-US')} name us, {(r?.created ?? 0).toLocaleString('en-US')} new in
      the inbox.
    </p>
  );
}

export function Identity() {
  const loaded = useAsync((s) => getIdentity(s), []);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [scan, setScan] = useState<Job | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (loaded.data) setDraft(toDraft(loaded.data));
  }, [loaded.data]);
  useEffect(() => {
    if (!scan || scan.status !== 'running') return;
    const t = setTimeout(() => {
      fetchJob(scan.id).then(setScan, (e: Error) => setError({ field: null, message: e.message }));
    }, 1000);
    return () => clearTimeout(t);
  }, [scan]);

  if (loaded.error) return <p role="alert">{loaded.error.message}</p>;
  if (!draft) return <p className="muted">Loading…</p>;

  const set = (patch: Partial<Draft>) => (setDraft({ ...draft, ...patch }), setMsg(null));
  const setTarget = (c: Category, patch: Partial<Sla['targets'][Category]>) =>
    set({
      sla: {
        ...draft.sla,
        targets: { ...draft.sla.targets, [c]: { ...draft.sla.targets[c], ...patch } },
      },
    });
  const setHours = (patch: Partial<Sla['businessHours']>) =>
    set({ sla: { ...draft.sla, businessHours: { ...draft.sla.businessHours, ...patch } } });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setMsg(null);
    setSaving(true);
    try {
      const saved = await putIdentity(fromDraft(draft));
      setDraft(toDraft(saved));
      setMsg('Saved. New posts are matched as they arrive; rescan to match the posts already loaded.');
    } catch (err) {
      setError(
        err instanceof ApiError
          ? { field: fieldOf(err), message: err.message }
          : { field: null, message: String(err) },
      );
    } finally {
      setSaving(false);
    }
  };
  const rescan = async () => {
    setError(null);
    try {
      setScan(await startJob({ kind: 'scan' }));
    } catch (err) {
      setError({ field: null, message: err instanceof Error ? err.message : String(err) });
    }
  };
  const errorFor = (field: string) =>
    error?.field === field ? (
      <p className="field-error" id={`identity-${field}-error`}>
        {error.message}
      </p>
    ) : null;

  return (
    <section aria-labelledby="identity-title" data-testid="identity">
      <h3 id="identity-title">Our identity</h3>
      <p className="muted">
        What the inbox matches posts against. One per line; capitals, accents and the @handle or #hashtag form
        of a name match on their own.
      </p>
      <form onSubmit={save} aria-label="Our identity">
        <div className="identity-lists">
          {LISTS.map((l) => (
            <div key={l.key}>
              <label htmlFor={`identity-${l.key}`}>
                {l.label} <span className="hint">{l.hint}</span>
              </label>
              <textarea
                id={`identity-${l.key}`}
                rows={3}
                value={draft[l.key]}
                onChange={(e) => set({ [l.key]: e.target.value } as Partial<Draft>)}
                aria-invalid={error?.field === l.key || undefined}
                aria-describedby={error?.field === l.key ? `identity-${l.key}-error` : undefined}
              />
              {errorFor(l.key)}
            </div>
          ))}
        </div>
        <fieldset className="identity-sla">
          <legend>First-response targets</legend>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Answer within (hours)</th>
                <th scope="col">Count business hours only</th>
              </tr>
            </thead>
            <tbody>
              {TARGETS.map((t) => (
                <tr key={t.key}>
                  <th scope="row">{t.label}</th>
                  <td>
                    <input
                      type="number"
                      min={0.25}
                      step={0.25}
                      aria-label={`${t.label}: hours to answer`}
                      value={draft.sla.targets[t.key].hours}
                      onChange={(e) => setTarget(t.key, { hours: Number(e.target.value) })}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${t.label}: business hours only`}
                      checked={draft.sla.targets[t.key].businessHoursOnly}
                      onChange={(e) => setTarget(t.key, { businessHoursOnly: e.target.checked })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="inline">
            <label htmlFor="identity-zone">Business hours in</label>
            <input
              id="identity-zone"
              value={draft.sla.businessHours.zone}
              onChange={(e) => setHours({ zone: e.target.value })}
            />
            <label htmlFor="identity-start">from</label>
            <input
              id="identity-start"
              type="number"
              min={0}
              max={23}
              value={draft.sla.businessHours.start}
              onChange={(e) => setHours({ start: Number(e.target.value) })}
            />
            <label htmlFor="identity-end">to</label>
            <input
              id="identity-end"
              type="number"
              min={1}
              max={24}
              value={draft.sla.businessHours.end}
              onChange={(e) => setHours({ end: Number(e.target.value) })}
            />
          </div>
          <div className="days" role="group" aria-label="Working days">
            {DAYS.map((d, i) => (
              <label key={d}>
                <input
                  type="checkbox"
                  checked={draft.sla.businessHours.days.includes(i + 1)}
                  onChange={(e) =>
                    setHours({
                      days: e.target.checked
                        ? [...draft.sla.businessHours.days, i + 1].sort()
                        : draft.sla.businessHours.days.filter((x) => x !== i + 1),
                    })
                  }
                />
                {d}
              </label>
            ))}
          </div>
          {errorFor('sla')}
        </fieldset>
        <div className="buttons">
          <button type="submit" className="primary" disabled={saving}>
            Save identity
          </button>
          <button type="button" onClick={() => void rescan()} disabled={scan?.status === 'running'}>
            Rescan posts now
          </button>
        </div>
      </form>
      {msg && (
        <p role="status" className="ok">
          {msg}
        </p>
      )}
      {error && error.field !== 'sla' && !LISTS.some((l) => l.key === error.field) && (
        <p role="alert">{error.message}</p>
      )}
      {scan && <ScanStatus job={scan} />}
    </section>
  );
}
