// Admin in three sections: users, starting an analysis or an ingest with its progress, and the audit
// log; the organisation's identity for the mentions inbox (Identity.tsx); and Collections
// (Collections.tsx), the watches that fetch from the platforms.
import { useContext, useEffect, useState, type FormEvent } from 'react';
import { audit, createUser, job as fetchJob, startJob, users } from '../../api/endpoints.ts';
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

function Jobs() {
  const [current, setCurrent] = useState<Job | null>(null);
  const [files, setFiles] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!current || current.status !== 'running') return;
    const t = setTimeout(() => {
      fetchJob(current.id).then(setCurrent, (e: Error) => setError(e.message));
    }, 1000);
    return () => clearTimeout(t);
  }, [current]);
  const start = async (body: Parameters<typeof startJob>[0]) => {
    setError(null);
    try {
      setCurrent(await startJob(body));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
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
        className="inline"
        onSubmit={(e) => {
          e.preventDefault();
          const list = files
            .split(/[\s,]+/)
            .map((f) => f.trim())
            .filter(Boolean);
          if (list.length) void start({ kind: 'ingest', files: list, format: 'auto' });
        }}
      >
        <label htmlFor="ingest-files">Files in the import folder</label>
        <input
          id="ingest-files"
          value={files}
          onChange={(e) => setFiles(e.target.value)}
          placeholder="edges.csv accounts.csv"
        />
        <button type="submit" disabled={current?.status === 'running'}>
          Start ingest
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

function AuditLog() {
  const [before, setBefore] = useState<number | undefined>(undefined);
  const page = useAsync((s) => audit({ before, limit: 50 }, s), [before]);
  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: 'When', render: (e) => new Date(e.at).toLocaleString(), sortValue: (e) => e.seq },
    { key: 'actor', header: 'Who', render: (e) => e.actor, sortValue: (e) => e.actor },
    { key: 'action', header: 'What', render: (e) => e.action, sortValue: (e) => e.action },
    { key: 'target', header: 'Target', render: (e) => e.target, sortValue: (e) => e.target },
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
  return (
    <section aria-labelledby="audit-title" data-testid="audit-log">
      <h3 id="audit-title">Audit log</h3>
      {page.error && <p role="alert">{page.error.message}</p>}
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

export function Admin() {
  const [section, setSection] = useState<(typeof SECTIONS)[number]['key']>('people');
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
          <Jobs />
          <AuditLog />
        </>
      ) : section === 'identity' ? (
        <Identity />
      ) : (
        <Collections />
      )}
    </section>
  );
}
