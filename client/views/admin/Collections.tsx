// Admin → Collections: the saved watches (collect/) with their last run, posts and interactions it
// added, its error and the next run; add a watch, run one now, pause, resume, remove, and a watch's
// recent runs. Platform answers (targets, errors) are shown as text. Tokens are never sent to the
// page: only whether the platform has one.
import { useEffect, useState, type FormEvent } from 'react';
import { addWatch, removeWatch, watchAction, watchRuns, watches } from '../../api/endpoints.ts';
import { ApiError } from '../../api/http.ts';
import type { Watch, WatchInput } from '../../api/types.ts';
import { KINDS, PLATFORMS, type PlatformName, type WatchKindName } from '../../../collect/kinds.ts';
import { useAsync } from '../../lib/useAsync.ts';

const PLATFORM_LABEL: Record<PlatformName, string> = { mastodon: 'Mastodon', bluesky: 'Bluesky', x: 'X' };
const TOKEN_NEEDED: Record<PlatformName, boolean> = { mastodon: false, bluesky: false, x: true };

const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');

function stateOf(w: Watch): string {
  if (w.running || w.lastRun?.status === 'running') return 'running';
  return w.paused ? 'paused' : 'active';
}

function tokenText(w: Watch): string {
  if (w.tokenSet) return 'set';
  return TOKEN_NEEDED[w.platform] ? 'missing (required)' : 'not set';
}

function Runs(props: { id: string }) {
  const runs = useAsync((s) => watchRuns(props.id, s), [props.id]);
  if (runs.error) return <p role="alert">{runs.error.message}</p>;
  if (!runs.data) return <p className="muted">Loading runs…</p>;
  if (!runs.data.items.length) return <p className="muted">No runs yet.</p>;
  return (
    <table className="data-table" aria-label={`Recent runs of ${props.id}`}>
      <thead>
        <tr>
          <th scope="col">Started</th>
          <th scope="col">Result</th>
          <th scope="col" className="num">
            Pages
          </th>
          <th scope="col" className="num">
            Posts added
          </th>
          <th scope="col" className="num">
            Interactions added
          </th>
          <th scope="col">Error</th>
        </tr>
      </thead>
      <tbody>
        {runs.data.items.map((r) => (
          <tr key={r.id}>
            <td>{when(r.startedAt)}</td>
            <td>{r.status}</td>
            <td className="num">{r.pages}</td>
            <td className="num">{r.posts}</td>
            <td className="num">{r.interactions}</td>
            <td>{r.error ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WatchRow(props: { watch: Watch; onChanged: () => void; onRuns: () => void; showingRuns: boolean }) {
  const w = props.watch;
  const [msg, setMsg] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const act = async (what: () => Promise<unknown>, done: string) => {
    setMsg(null);
    try {
      await what();
      setMsg(done);
      setConfirmRemove(false);
      props.onChanged();
    } catch (e) {
      setMsg(e instanceof Error ? e.message : String(e));
    }
  };
  const last = w.lastRun;
  const state = stateOf(w);
  return (
    <tr data-testid={`watch-${w.id}`}>
      <td>
        <strong>{w.id}</strong>
        <div className="muted">
          {PLATFORM_LABEL[w.platform]} {w.kind} <code>{w.target}</code> every {w.intervalMinutes} min
        </div>
      </td>
      <td>{state}</td>
      <td>{last ? `${last.status}, ${when(last.finishedAt ?? last.startedAt)}` : 'never'}</td>
      <td className="num">{last?.posts ?? '—'}</td>
      <td className="num">{last?.interactions ?? '—'}</td>
      <td className={last?.error ? 'field-error' : undefined}>{last?.error ?? ''}</td>
      <td>{w.paused ? 'paused' : when(w.nextRunAt)}</td>
      <td>{tokenText(w)}</td>
      <td className="user-actions">
        <div className="buttons">
          <button
            type="button"
            disabled={state === 'running'}
            onClick={() => void act(() => watchAction(w.id, 'run'), 'Run started')}
          >
            Run now
          </button>
          <button
            type="button"
            onClick={() =>
              void act(
                () => watchAction(w.id, w.paused ? 'resume' : 'pause'),
                w.paused ? 'Resumed' : 'Paused',
              )
            }
          >
            {w.paused ? 'Resume' : 'Pause'}
          </button>
          <button type="button" aria-expanded={props.showingRuns} onClick={props.onRuns}>
            Runs
          </button>
          {confirmRemove ? (
            <>
              <button type="button" onClick={() => void act(() => removeWatch(w.id), 'Removed')}>
                Remove {w.id} (collected posts stay)
              </button>
              <button type="button" onClick={() => setConfirmRemove(false)}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirmRemove(true)}>
              Remove…
            </button>
          )}
        </div>
        {msg && <p role="status">{msg}</p>}
      </td>
    </tr>
  );
}

type FieldErrors = Partial<Record<string, string>>;

function AddWatch(props: { onAdded: (w: Watch) => void }) {
  const [platform, setPlatform] = useState<PlatformName>('mastodon');
  const kinds = Object.keys(KINDS[platform]) as WatchKindName[];
  const [kind, setKind] = useState<WatchKindName>('hashtag');
  const [target, setTarget] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [every, setEvery] = useState('60');
  const [since, setSince] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [msg, setMsg] = useState<string | null>(null);
  const effectiveKind = kinds.includes(kind) ? kind : kinds[0]!;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setMsg(null);
    const body: WatchInput = {
      platform,
      kind: effectiveKind,
      target: target.trim(),
      intervalMinutes: Number(every),
      ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}),
      ...(since ? { since: new Date(since).toISOString() } : {}),
    };
    try {
      const w = await addWatch(body);
      setMsg(`Watch ${w.id} added; it runs within a minute when the scheduler is on, or use Run now`);
      setTarget('');
      props.onAdded(w);
    } catch (err) {
      if (err instanceof ApiError && err.details.length) {
        const fe: FieldErrors = {};
        for (const d of err.details) if (d.field) fe[d.field.replace(/^body\./, '')] = d.message;
        setErrors(fe);
      }
      setMsg(err instanceof Error ? err.message : String(err));
    }
  };
  const field = (name: string, id: string) =>
    errors[name] ? (
      <p className="field-error" id={`${id}-error`}>
        {errors[name]}
      </p>
    ) : null;
  const invalid = (name: string, id: string) =>
    errors[name] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};

  return (
    <form className="watch-form" onSubmit={submit} aria-label="Add a watch">
      <div>
        <label htmlFor="watch-platform">Platform</label>
        <select
          id="watch-platform"
          value={platform}
          onChange={(e) => setPlatform(e.target.value as PlatformName)}
        >
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {PLATFORM_LABEL[p]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="watch-kind">What to follow</label>
        <select
          id="watch-kind"
          value={effectiveKind}
          onChange={(e) => setKind(e.target.value as WatchKindName)}
          {...invalid('kind', 'watch-kind')}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        {field('kind', 'watch-kind')}
      </div>
      <div>
        <label htmlFor="watch-target">Target: {KINDS[platform][effectiveKind]}</label>
        <input
          id="watch-target"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          required
          {...invalid('target', 'watch-target')}
        />
        {field('target', 'watch-target')}
      </div>
      <div>
        <label htmlFor="watch-instance">
          {platform === 'mastodon' ? 'Instance (required)' : 'API server (optional)'}
        </label>
        <input
          id="watch-instance"
          value={baseUrl}
          onChange={(e) => setBaseUrl(e.target.value)}
          placeholder={platform === 'mastodon' ? 'https://mastodon.social' : 'default'}
          {...invalid('baseUrl', 'watch-instance')}
        />
        {field('baseUrl', 'watch-instance')}
      </div>
      <div>
        <label htmlFor="watch-every">Every (minutes)</label>
        <input
          id="watch-every"
          type="number"
          min={1}
          value={every}
          onChange={(e) => setEvery(e.target.value)}
          {...invalid('intervalMinutes', 'watch-every')}
        />
        {field('intervalMinutes', 'watch-every')}
      </div>
      <div>
        <label htmlFor="watch-since">Only posts since (optional)</label>
        <input
          id="watch-since"
          type="datetime-local"
          value={since}
          onChange={(e) => setSince(e.target.value)}
          {...invalid('since', 'watch-since')}
        />
        {field('since', 'watch-since')}
      </div>
      <div>
        <button type="submit">Add watch</button>
      </div>
      {msg && (
        <p role="status" className="watch-form-status">
          {msg}
        </p>
      )}
    </form>
  );
}

export function Collections() {
  const list = useAsync((s) => watches(s), []);
  const [runsOf, setRunsOf] = useState<string | null>(null);
  const items = list.data?.items;
  const busy = items?.some((w) => stateOf(w) === 'running') ?? false;
  const { reload } = list;
  // While a watch runs, look again every 2 s so its counts and result appear without a reload.
  useEffect(() => {
    if (!busy) return;
    const t = setTimeout(reload, 2000);
    return () => clearTimeout(t);
  }, [busy, items, reload]);
  const changed = () => {
    reload();
    // "Run now" is queued on the server: look again shortly so the running state shows.
    setTimeout(reload, 700);
  };
  return (
    <section aria-labelledby="collections-title" data-testid="collections">
      <h3 id="collections-title">Collections</h3>
      <p className="muted">
        Watches fetch posts from Mastodon, Bluesky and X into the graph on a schedule.{' '}
        {list.data &&
          (list.data.scheduler.periodic
            ? `The scheduler checks for due watches every half minute (next ${when(list.data.scheduler.nextCheck)}).`
            : 'This server runs no watch on its own (CARECIRCLE_COLLECT_SCHEDULER=off): use Run now, or let cron run the command line’s watch run --due.')}
      </p>
      {list.error && <p role="alert">{list.error.message}</p>}
      {items && items.length === 0 && <p>No watches yet. Add one below.</p>}
      {items && items.length > 0 && (
        <table className="data-table watches">
          <caption className="visually-hidden">Watches</caption>
          <thead>
            <tr>
              <th scope="col">Watch</th>
              <th scope="col">State</th>
              <th scope="col">Last run</th>
              <th scope="col" className="num">
                Posts added
              </th>
              <th scope="col" className="num">
                Interactions added
              </th>
              <th scope="col">Error</th>
              <th scope="col">Next run</th>
              <th scope="col">Token</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {items.map((w) => (
              <WatchRow
                key={w.id}
                watch={w}
                onChanged={changed}
                showingRuns={runsOf === w.id}
                onRuns={() => setRunsOf(runsOf === w.id ? null : w.id)}
              />
            ))}
          </tbody>
        </table>
      )}
      {runsOf && items?.some((w) => w.id === runsOf) && (
        <section aria-label={`Runs of ${runsOf}`}>
          <h4>Recent runs of {runsOf}</h4>
          <Runs
            key={`${runsOf}:${items?.find((w) => w.id === runsOf)?.lastRun?.id}:${items?.find((w) => w.id === runsOf)?.lastRun?.status}`}
            id={runsOf}
          />
        </section>
      )}
      <h4>Add a watch</h4>
      <AddWatch onAdded={changed} />
    </section>
  );
}
