// The mentions inbox: open mentions with the most overdue on top (or everything), filters by category,
// "my queue", bulk assign, escalation notices, the weekly view (WeeklyChart.tsx), and a mention's detail: the post (as text), who
// amplified it, and the reply editor, where a refused phrase is highlighted with a safe wording.
import { useContext, useState } from 'react';
import { ApiError } from '../../api/http.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { SessionContext } from '../../state/session.ts';
import {
  assign,
  markSent,
  mention,
  mentions,
  notifications,
  setState,
  weekly,
  WEEKS,
  type Category,
  type InboxQuery,
  type MentionDetail,
  type MentionSummary,
  type ReplyProblem,
} from './api.ts';
import { WeeklyChart } from './WeeklyChart.tsx';

const CATEGORIES: { value: Category; label: string }[] = [
  { value: 'clinical_safety', label: 'Clinical safety' },
  { value: 'complaint', label: 'Complaint' },
  { value: 'question', label: 'Question' },
  { value: 'praise', label: 'Praise' },
  { value: 'other', label: 'Other' },
];
const LABEL = Object.fromEntries(CATEGORIES.map((c) => [c.value, c.label])) as Record<Category, string>;

function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

function dueLabel(m: MentionSummary): string {
  if (!m.dueAt) return m.state.replace('_', ' ');
  const mins = Math.round((new Date(m.dueAt).getTime() - Date.now()) / 60_000);
  const span = Math.abs(mins) >= 120 ? `${Math.round(Math.abs(mins) / 60)} h` : `${Math.abs(mins)} min`;
  return mins < 0 ? `overdue by ${span}` : `answer within ${span}`;
}

function Author(props: { a: MentionSummary['author'] }) {
  const a = props.a;
  return (
    <span className="author">
      <strong>@{a.handle ?? a.id}</strong>
      {a.score !== null && <span className="muted"> influence {a.score.toFixed(2)}</span>}
      {a.communityLabel && <span className="muted"> · {a.communityLabel}</span>}
      {a.outreachStage && (
        <span className="badge pipeline" title="Already in the outreach pipeline">
          outreach: {a.outreachStage.replace('_', ' ')}
        </span>
      )}
    </span>
  );
}

/** The draft with each refused phrase marked; text nodes only (the draft is never HTML). */
function Highlighted(props: { text: string; problems: ReplyProblem[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  props.problems.forEach((p, i) => {
    if (p.start < at) return;
    parts.push(props.text.slice(at, p.start));
    parts.push(
      <mark key={i} title={p.message}>
        {props.text.slice(p.start, p.end)}
      </mark>,
    );
    at = p.end;
  });
  parts.push(props.text.slice(at));
  return (
    <p className="reply-preview" data-testid="reply-highlight">
      {parts}
    </p>
  );
}

function Detail(props: { id: string; onChanged: () => void }) {
  const user = useContext(SessionContext);
  const d = useAsync((s) => mention(props.id, s), [props.id]);
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [problems, setProblems] = useState<ReplyProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const canWrite = user?.role !== 'viewer';
  if (d.error) return <p role="alert">{d.error.message}</p>;
  if (!d.data) return <p className="muted">Loading…</p>;
  const m: MentionDetail = d.data;
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      d.reload();
      props.onChanged();
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        setProblems(err.details as unknown as ReplyProblem[]);
        setError(err.message);
      } else setError((err as Error).message);
    }
  };
  return (
    <article className="mention-detail" aria-labelledby="mention-title" data-testid="mention-detail">
      <h3 id="mention-title">
        {LABEL[m.category]} · {m.sentiment} · {m.state.replace('_', ' ')}
        {m.owner && <span className="muted"> · owner {m.owner}</span>}
      </h3>
      <Author a={m.author} />
      <blockquote className="post-text">{m.text}</blockquote>
      <p className="muted">
        {when(m.createdAt)} · {m.lang ?? 'language unknown'} · reach {m.reach}
        {m.url && (
          <>
            {' · '}
            <a href={m.url} target="_blank" rel="noreferrer noopener">
              open on the platform
            </a>
          </>
        )}
      </p>
      {m.escalated && (
        <p className="escalated">
          Escalated to {m.escalatedTo.join(', ') || 'nobody marked yet'}: {m.cues.join(', ')}
        </p>
      )}
      {canWrite && m.state !== 'responded' && m.owner !== user?.name && (
        <button type="button" onClick={() => void act(() => assign([m.postId], user!.name))}>
          Take it
        </button>
      )}
      <section aria-labelledby="amp-title">
        <h4 id="amp-title">Who amplified it ({m.amplifiers.length})</h4>
        {m.amplifiers.length === 0 && <p className="muted">Nobody has reposted or quoted it yet.</p>}
        <table className="data-table" data-testid="amplifiers">
          <tbody>
            {m.amplifiers.map((a) => (
              <tr key={a.postId}>
                <td>{a.type}</td>
                <td>
                  <Author a={a.account} />
                </td>
                <td className="num">{a.account.followers?.toLocaleString('en-US') ?? ''} followers</td>
                <td className="muted">{when(a.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {m.reachOverTime.length > 0 && (
          <p className="muted">
            Reach over time: {m.reachOverTime.map((r) => `${r.day}: ${r.reach}`).join(' · ')}
          </p>
        )}
      </section>
      {m.sentReply ? (
        <section aria-labelledby="sent-title">
          <h4 id="sent-title">Reply sent by {m.sentReply.by}</h4>
          <p className="reply-preview">{m.sentReply.text}</p>
          <a href={m.sentReply.url} target="_blank" rel="noreferrer noopener">
            the reply on the platform
          </a>
        </section>
      ) : (
        canWrite && (
          <section aria-labelledby="reply-title" className="reply-editor">
            <h4 id="reply-title">Public reply</h4>
            <p className="muted">
              Post it on the platform yourself, then record it here. It must not confirm that anyone is a
              patient.
            </p>
            <label>
              Reply text
              <textarea value={text} rows={4} onChange={(e) => (setText(e.target.value), setProblems([]))} />
            </label>
            {problems.length > 0 && (
              <div role="alert" className="refused">
                <Highlighted text={text} problems={problems} />
                <ul>
                  {problems.map((p, i) => (
                    <li key={i}>
                      {p.message}. {p.suggestion}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <label>
              Link to the posted reply
              <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…" />
            </label>
            <button
              type="button"
              className="primary"
              onClick={() => void act(() => markSent(m.postId, text, url))}
            >
              Mark as sent
            </button>
            {canWrite && m.state !== 'resolved' && (
              <button type="button" onClick={() => void act(() => setState(m.postId, 'resolved'))}>
                Resolve
              </button>
            )}
          </section>
        )
      )}
      {error && problems.length === 0 && <p role="alert">{error}</p>}
    </article>
  );
}

export function Inbox() {
  const user = useContext(SessionContext);
  const [q, setQ] = useState<InboxQuery>({ view: 'open', mine: false });
  const [open, setOpen] = useState<string | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const list = useAsync((s) => mentions(q, s), [q.view, q.mine, q.category]);
  const notes = useAsync((s) => notifications(s), []);
  const week = useAsync((s) => weekly(s), []);
  const unread = notes.data?.items.filter((n) => !n.readAt) ?? [];
  const reload = () => (list.reload(), notes.reload(), week.reload());
  return (
    <section className="content inbox" aria-labelledby="inbox-title">
      <header className="toolbar">
        <h2 id="inbox-title">Inbox</h2>
        <label>
          Show
          <select
            value={q.view}
            onChange={(e) => setQ({ ...q, view: e.target.value as InboxQuery['view'] })}
            aria-label="Show"
          >
            <option value="open">waiting for an answer</option>
            <option value="all">everything</option>
          </select>
        </label>
        <label>
          Category
          <select
            value={q.category ?? ''}
            onChange={(e) => setQ({ ...q, category: (e.target.value || undefined) as Category | undefined })}
            aria-label="Category"
          >
            <option value="">all</option>
            {CATEGORIES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={q.mine} onChange={(e) => setQ({ ...q, mine: e.target.checked })} />{' '}
          My queue
        </label>
        {user?.role !== 'viewer' && picked.size > 0 && (
          <button
            type="button"
            onClick={() => void assign([...picked], user!.name).then(() => (setPicked(new Set()), reload()))}
          >
            Assign {picked.size} to me
          </button>
        )}
        <button type="button" onClick={reload}>
          Refresh
        </button>
      </header>
      {unread.length > 0 && (
        <ul className="notices" aria-label="Escalations" data-testid="escalations">
          {unread.map((n) => (
            <li key={n.id}>
              <button type="button" className="link" onClick={() => setOpen(n.postId)}>
                Escalated to you: {n.reason}
              </button>
            </li>
          ))}
        </ul>
      )}
      {week.data && week.data.weeks.length > 0 && (
        <details className="weekly" open data-testid="weekly">
          <summary>
            Last {WEEKS} weeks: {week.data.weeks.reduce((s, w) => s + w.total, 0)} mentions; top complaint
            themes {week.data.themes.map((t) => `${t.theme} (${t.count})`).join(', ') || 'none'}
            {week.data.pipelineAuthors.length > 0 &&
              `; ${week.data.pipelineAuthors.length} ${week.data.pipelineAuthors.length === 1 ? 'author' : 'authors'} already in outreach`}
          </summary>
          <WeeklyChart weekly={week.data} weeks={WEEKS} />
        </details>
      )}
      <div className="inbox-split">
        {list.error && <p role="alert">{list.error.message}</p>}
        <table className="data-table" data-testid="inbox-list">
          <thead>
            <tr>
              <th aria-label="pick" />
              <th>Due</th>
              <th>Category</th>
              <th>Author</th>
              <th>Post</th>
              <th className="num">Reach</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.items.map((m) => (
              <tr
                key={m.postId}
                tabIndex={0}
                className={open === m.postId ? 'selected' : m.overdue ? 'overdue-row' : undefined}
                onClick={() => setOpen(m.postId)}
                onKeyDown={(e) => e.key === 'Enter' && setOpen(m.postId)}
                data-category={m.category}
              >
                <td onClick={(e) => e.stopPropagation()}>
                  <input
                    type="checkbox"
                    aria-label={`pick ${m.postId}`}
                    checked={picked.has(m.postId)}
                    onChange={(e) => {
                      const next = new Set(picked);
                      if (e.target.checked) next.add(m.postId);
                      else next.delete(m.postId);
                      setPicked(next);
                    }}
                  />
                </td>
                <td className={m.overdue ? 'overdue' : 'muted'}>{dueLabel(m)}</td>
                <td>
                  {LABEL[m.category]}
                  {m.escalated && ' ⚠'}
                </td>
                <td>
                  <Author a={m.author} />
                </td>
                <td className="post-cell">{m.text}</td>
                <td className="num">{m.reach}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.data?.items.length === 0 && <p className="muted">Nothing here.</p>}
        {open && <Detail key={open} id={open} onChanged={reload} />}
      </div>
    </section>
  );
}
