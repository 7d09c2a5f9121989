// Admin in three sections: users, starting an analysis or an ingest with its progress, and the audit
// log; the organisation's identity for the mentions inbox (Identity.tsx); and Collections
// (Collections.tsx), the watches that fetch from the platforms.
import { useCallback, useContext, useEffect, useState, type FormEvent } from 'react';
import {
  audit,
  createUser,
  job as fetchJob,
  importFiles,
  startJob,
  users,
  type AuditFilters,
} from '../../api/endpoints.ts';
import { ROLES, type AuditEntry, type Job, type Role } from '../../api/types.ts';
import { SortableTable, type Column } from '../../components/SortableTable.tsx';
import { useAsync } from '../../lib/useAsync.ts';
import { SessionContext } from '../../state/session.ts';
import { Identity } from './Identity.tsx';
import { UserRow } from './UserRow.tsx';
import { Collections } from './Collections.tsx';

/**
 * Before/after of an audit entry as short text, one `field: value` per line so a narrow column stays
 * readable (a single JSON line wrapped character by character did not). Empty fields are left out;
 * values are text, never HTML.
 */
export function changeText(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v !== 'object' || Array.isArray(v)) return clip(JSON.stringify(v), 160);
  const lines = Object.entries(v as Record<string, unknown>)
    .filter(([, x]) => x !== null && x !== undefined && x !== '')
    .map(([k, x]) => `${k}: ${clip(typeof x === 'string' ? x : JSON.stringify(x), 80)}`);
  if (lines.length === 0) return '—';
  return lines.length > 8
    ? [...lines.slice(0, 8), `… ${lines.length - 8} more`].join('\n')
    : lines.join('\n');
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function JobProgress(props: { job: Job }) {
  const j = props.job;
  const pct = j.progress.fraction === null ? null : Math.round(100 * j.progress.fraction);
  return (
    <div className="job" data-testid="job-progress">
      <strong>
        {j.kind} · {j.status}
      </strong>{' '}
      {j.progress.phase} {j.progress.message && <>· {j.progress.message}</>}
      <progress max={100} value={pct ?? undefined} aria-label={`${j.kind} progress`} />
      {j.error && <p role="alert">{j.error}</p>}
    </div>
  );
}

/** "12 KB", "3.4 MB": a file size at a glance. */
function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function Jobs(props: { onFinished: () => void }) {
  const [current, setCurrent] = useState<Job | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const folder = useAsync((s) => importFiles(s), []);
  const { onFinished } = props;
  useEffect(() => {
    if (!current) return;
    if (current.status !== 'running') {
      // The job wrote its entries (and an ingest may have changed the folder's use): show them.
      onFinished();
      return;
    }
    const t = setTimeout(() => {
      fetchJob(current.id).then(setCurrent, (e: Error) => setError(e.message));
    }, 1000);
    return () => clearTimeout(t);
  }, [current, onFinished]);
  const start = async (body: Parameters<typeof startJob>[0]) => {
    setError(null);
    try {
      setCurrent(await startJob(body));
      onFinished(); // job.start is in the audit log already
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const toggle = (name: string, on: boolean) =>
    setChosen((old) => {
      const next = new Set(old);
      if (on) next.add(name);
      else next.delete(name);
      return next;
    });
  const files = folder.data?.items ?? [];
  return (
    <section aria-labelledby="jobs-title">
      <h3 id="jobs-title">Analysis and ingest</h3>
      <div className="buttons">
        <button
          type="button"
          onClick={() => void start({ kind: 'analyze' })}
          disabled={current?.status === 'running'}
        >
          Run analysis
        </button>
      </div>
      <form
        className="ingest-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen.size) void start({ kind: 'ingest', files: [...chosen].sort(), format: 'auto' });
        }}
      >
        <fieldset>
          <legend>Files in the import folder{folder.data ? <> ({folder.data.folder})</> : null}</legend>
          {folder.error && <p role="alert">{folder.error.message}</p>}
          {folder.data?.missing && (
            <p className="muted">
              The import folder does not exist yet. Put export files in it, then refresh.
            </p>
          )}
          {folder.data && !folder.data.missing && files.length === 0 && (
            <p className="muted">The import folder is empty. Put export files in it, then refresh.</p>
          )}
          <ul className="file-list" data-testid="import-files">
            {files.map((f) => (
              <li key={f.name}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(f.name)}
                    onChange={(e) => toggle(f.name, e.target.checked)}
                  />{' '}
                  {f.name}{' '}
                  <span className="muted">
                    {sizeText(f.bytes)} · {new Date(f.modifiedAt).toLocaleDateString()}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {folder.data?.truncated && <p className="muted">Only the first {files.length} files are listed.</p>}
        </fieldset>
        <button type="submit" disabled={current?.status === 'running' || chosen.size === 0}>
          Load {chosen.size === 1 ? '1 file' : `${chosen.size} files`}
        </button>{' '}
        <button type="button" onClick={folder.reload}>
          Refresh the list
        </button>
      </form>
      {error && <p role="alert">{error}</p>}
      {current && <JobProgress job={current} />}
    </section>
  );
}

function Users() {
  const list = useAsync((s) => users(s), []);
  const me = useContext(SessionContext)?.name;
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [password, setPassword] = useState('');
  const [msg, setMsg] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMsg(null);
    try {
      await createUser({ name: name.trim(), role, password });
      setMsg(`User ${name.trim()} created`);
      setName('');
      setPassword('');
      list.reload();
    } catch (err) {
      setMsg(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <section aria-labelledby="users-title">
      <h3 id="users-title">Users</h3>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">State</th>
            <th scope="col">Created</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.items.map((u) => (
            <UserRow key={u.name} user={u} me={me} onChanged={list.reload} />
          ))}
        </tbody>
      </table>
      <form className="inline" onSubmit={submit} aria-label="Add a user">
        <label htmlFor="new-user">Name</label>
        <input id="new-user" value={name} onChange={(e) => setName(e.target.value)} required />
        <label htmlFor="new-role">Role</label>
        <select id="new-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
        <label htmlFor="new-password">Password (12+ characters, not easy to guess)</label>
        <input
          id="new-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
          minLength={12}
        />
        <button type="submit">Add user</button>
      </form>
      {msg && <p role="status">{msg}</p>}
    </section>
  );
}

const ACTION_FAMILIES: { value: string; label: string }[] = [
  { value: '', label: 'Anything' },
  { value: 'relationship', label: 'Stages and next steps' },
  { value: 'contact', label: 'Contacts' },
  { value: 'mention', label: 'Inbox mentions' },
  { value: 'user', label: 'Users' },
  { value: 'job', label: 'Analysis and ingest' },
  { value: 'identity', label: 'Organisation identity' },
  { value: 'chat', label: 'Hashtag chats' },
];

/** An audit target in words: the account's handle and name for an account, else the target itself. */
function targetText(e: AuditEntry): string {
  if (!e.target.startsWith('account:')) return e.target.replace(/^(\w+):/, '$1 ');
  const who = [e.targetHandle ? `@${e.targetHandle}` : null, e.targetName].filter(Boolean).join(' · ');
  return who || e.target.slice('account:'.length);
}

function AuditLog(props: { version: number; onOpenAccount: (id: string) => void }) {
  const [before, setBefore] = useState<number | undefined>(undefined);
  const [draft, setDraft] = useState<AuditFilters>({});
  const [filters, setFilters] = useState<AuditFilters>({});
  const page = useAsync((s) => audit({ ...filters, before, limit: 50 }, s), [before, filters, props.version]);
  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: 'When', render: (e) => new Date(e.at).toLocaleString(), sortValue: (e) => e.seq },
    { key: 'actor', header: 'Who', render: (e) => e.actor, sortValue: (e) => e.actor },
    { key: 'action', header: 'What', render: (e) => e.action, sortValue: (e) => e.action },
    {
      key: 'target',
      header: 'About',
      render: (e) =>
        e.target.startsWith('account:') ? (
          <button
            type="button"
            className="link"
            title={e.target}
            onClick={() => props.onOpenAccount(e.target.slice('account:'.length))}
          >
            {targetText(e)}
          </button>
        ) : (
          targetText(e)
        ),
      sortValue: (e) => targetText(e),
    },
    {
      key: 'before',
      header: 'Before',
      render: (e) => <code className="change">{changeText(e.before)}</code>,
      className: 'change-cell',
    },
    {
      key: 'after',
      header: 'After',
      render: (e) => <code className="change">{changeText(e.after)}</code>,
      className: 'change-cell',
    },
  ];
  const set = (k: keyof AuditFilters, v: string) => setDraft((d) => ({ ...d, [k]: v.trim() || undefined }));
  return (
    <section aria-labelledby="audit-title" data-testid="audit-log">
      <h3 id="audit-title">Audit log</h3>
      <form
        className="inline audit-filters"
        aria-label="Filter the audit log"
        onSubmit={(e) => {
          e.preventDefault();
          setBefore(undefined);
          setFilters(draft);
        }}
      >
        <label htmlFor="audit-actor">Who</label>
        <input id="audit-actor" value={draft.actor ?? ''} onChange={(e) => set('actor', e.target.value)} />
        <label htmlFor="audit-action">What</label>
        <select id="audit-action" value={draft.action ?? ''} onChange={(e) => set('action', e.target.value)}>
          {ACTION_FAMILIES.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
        <label htmlFor="audit-from">From</label>
        <input
          id="audit-from"
          type="date"
          value={draft.from ?? ''}
          onChange={(e) => set('from', e.target.value)}
        />
        <label htmlFor="audit-to">To</label>
        <input id="audit-to" type="date" value={draft.to ?? ''} onChange={(e) => set('to', e.target.value)} />
        <button type="submit">Filter</button>
        <button
          type="button"
          onClick={() => {
            setDraft({});
            setFilters({});
            setBefore(undefined);
          }}
        >
          Clear
        </button>
      </form>
      {page.error && <p role="alert">{page.error.message}</p>}
      {page.data && page.data.items.length === 0 && <p className="muted">No entries match.</p>}
      {page.data && (
        <SortableTable
          caption="Audit log, newest first"
          rows={page.data.items}
          columns={columns}
          rowKey={(e) => e.id}
        />
      )}
      <div className="buttons">
        {before !== undefined && (
          <button type="button" onClick={() => setBefore(undefined)}>
            Newest
          </button>
        )}
        {page.data?.next && (
          <button type="button" onClick={() => setBefore(page.data?.next ?? undefined)}>
            Older
          </button>
        )}
      </div>
    </section>
  );
}

const SECTIONS = [
  { key: 'people', label: 'Users, jobs and audit' },
  { key: 'identity', label: 'Our identity' },
  { key: 'collections', label: 'Collections' },
] as const;

export function Admin(props: { onOpenAccount: (id: string) => void }) {
  const [section, setSection] = useState<(typeof SECTIONS)[number]['key']>('people');
  const [auditVersion, setAuditVersion] = useState(0);
  const refreshAudit = useCallback(() => setAuditVersion((v) => v + 1), []);
  return (
    <section className="content admin" aria-labelledby="admin-title">
      <header className="toolbar">
        <h2 id="admin-title">Admin</h2>
        <nav aria-label="Admin sections" className="buttons">
          {SECTIONS.map((s) => (
            <button
              key={s.key}
              type="button"
              aria-pressed={section === s.key}
              onClick={() => setSection(s.key)}
            >
              {s.label}
            </button>
          ))}
        </nav>
      </header>
      {section === 'people' ? (
        <>
          <Users />
          <Jobs onFinished={refreshAudit} />
          <AuditLog version={auditVersion} onOpenAccount={props.onOpenAccount} />
        </>
      ) : section === 'identity' ? (
        <Identity />
      ) : (
        <Collections />
      )}
    </section>
  );
}
