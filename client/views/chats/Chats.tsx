// Hashtag chats: the list (when each meets, next session in the viewer's zone, hosts, how sure we
// are) and one chat's page (schedule, hosts, regulars, newcomers, communities, top voices, past
// sessions, "add to the outreach pipeline", follow for the calendar feed). Social-media text
// (handles, names) is rendered as React text only.
import { useState } from 'react';
import { useAsync } from '../../lib/useAsync.ts';
import { useCan } from '../../state/session.ts';
import {
  addToPipeline,
  createFeed,
  feedInfo,
  follow,
  getChat,
  listChats,
  revokeFeed,
  type Chat,
  type ChatDetail,
} from './api.ts';
import { dateOnly, inViewerZone, viewerZone } from './when.ts';

type Person = ChatDetail['topVoices'][number];

const who = (p: { handle: string | null; id: string }) => `@${p.handle ?? p.id}`;

export function Chats(props: {
  tag: string | undefined;
  onTag: (tag: string | undefined) => void;
  onOpenAccount: (id: string) => void;
}) {
  return props.tag ? (
    <ChatPage tag={props.tag} onBack={() => props.onTag(undefined)} onOpenAccount={props.onOpenAccount} />
  ) : (
    <ChatList onOpen={props.onTag} />
  );
}

function ChatList(props: { onOpen: (tag: string) => void }) {
  const [specialty, setSpecialty] = useState('');
  const list = useAsync((s) => listChats({ specialty: specialty || undefined }, s), [specialty]);
  return (
    <section className="content chats" aria-labelledby="chats-title">
      <header className="toolbar">
        <h2 id="chats-title">Hashtag chats</h2>
        <label>
          Specialty{' '}
          <input
            value={specialty}
            placeholder="e.g. cancer"
            onChange={(e) => setSpecialty(e.target.value.trim())}
            aria-label="Filter by specialty"
          />
        </label>
        <FeedControl />
      </header>
      <p className="muted">
        Recurring conversations found in the posts: when they meet, who hosts them. Times are shown in your
        time zone ({viewerZone()}).
      </p>
      {list.error && <p role="alert">{list.error.message}</p>}
      {list.loading && !list.data && <p className="loading">Loading…</p>}
      {list.data && list.data.length === 0 && <p>No chats found. Run the analysis, or clear the filter.</p>}
      {list.data && list.data.length > 0 && (
        <table className="chats-table">
          <thead>
            <tr>
              <th>Chat</th>
              <th>Meets</th>
              <th>Next session (your time)</th>
              <th>Hosts</th>
              <th>Regulars</th>
              <th>Confidence</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((c) => (
              <ChatRow key={c.tag} chat={c} onOpen={props.onOpen} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ChatRow(props: { chat: Chat; onOpen: (tag: string) => void }) {
  const c = props.chat;
  return (
    <tr className={c.status === 'stopped' ? 'stopped' : undefined}>
      <td>
        <button type="button" className="link" onClick={() => props.onOpen(c.tag)}>
          #{c.tag}
        </button>
        {c.followed && <span className="badge">following</span>}
      </td>
      <td>{c.schedule}</td>
      <td>
        {c.nextOccurrence ? inViewerZone(c.nextOccurrence) : `stopped (last ${dateOnly(c.lastSession)})`}
      </td>
      <td>{c.hosts.map(who).join(', ') || '—'}</td>
      <td>{c.regulars}</td>
      <td title={c.evidence}>{Math.round(c.confidence * 100)}%</td>
    </tr>
  );
}

/** The personal calendar feed: a secret URL, shown once when created, revocable. */
function FeedControl() {
  const info = useAsync((s) => feedInfo(s), []);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = async () => {
    try {
      setUrl((await createFeed()).url);
      setError(null);
      info.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const revoke = async () => {
    await revokeFeed().catch((e: Error) => setError(e.message));
    setUrl(null);
    info.reload();
  };
  return (
    <div className="feed-control">
      <button type="button" onClick={() => void create()}>
        {info.data?.exists ? 'New calendar link' : 'Calendar link'}
      </button>
      {info.data?.exists && (
        <button type="button" className="link" onClick={() => void revoke()}>
          Revoke
        </button>
      )}
      {url && (
        <p className="feed-url">
          Subscribe to this address in your calendar app (keep it private; a new link disables it):{' '}
          <input readOnly value={url} aria-label="Calendar feed address" onFocus={(e) => e.target.select()} />
        </p>
      )}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}

function ChatPage(props: { tag: string; onBack: () => void; onOpenAccount: (id: string) => void }) {
  const chat = useAsync((s) => getChat(props.tag, s), [props.tag]);
  const canOutreach = useCan('outreach');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const c = chat.data;

  const add = async (people: { id: string }[], what: string) => {
    setBusy(true);
    try {
      const r = await addToPipeline(people.map((p) => p.id));
      setMessage(
        `${what}: ${r.added} added to the pipeline at “to follow”` +
          (r.kept ? `, ${r.kept} already there (left at their stage)` : ''),
      );
    } catch (e) {
      setMessage((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const toggleFollow = async () => {
    if (!c) return;
    await follow(c.tag, !c.followed).catch((e: Error) => setMessage(e.message));
    chat.reload();
  };

  return (
    <section className="content chat-page" aria-labelledby="chat-title">
      <header className="toolbar">
        <button type="button" className="link" onClick={props.onBack}>
          ← All chats
        </button>
        <h2 id="chat-title">#{props.tag}</h2>
        {c && (
          <button type="button" onClick={() => void toggleFollow()}>
            {c.followed ? 'Unfollow' : 'Follow (adds it to my calendar link)'}
          </button>
        )}
      </header>
      {chat.error && <p role="alert">{chat.error.message}</p>}
      {chat.loading && !c && <p className="loading">Loading…</p>}
      {c && (
        <>
          <div className="chat-summary card">
            <p className="schedule">
              <strong>{c.schedule}</strong>
              {c.status === 'stopped' && <span className="badge warn">stopped meeting</span>}
            </p>
            {c.nextOccurrences.length > 0 ? (
              <p>
                Next: <strong data-testid="chat-next">{inViewerZone(c.nextOccurrences[0]!)}</strong> your time
                {c.nextOccurrences.length > 1 && (
                  <span className="muted">
                    {' '}
                    · then{' '}
                    {c.nextOccurrences
                      .slice(1)
                      .map((n) => inViewerZone(n, { withZone: false }))
                      .join(', ')}
                  </span>
                )}
              </p>
            ) : (
              <p>No upcoming session: the last one was {dateOnly(c.lastSession)}.</p>
            )}
            <p className="muted">
              Why we think so ({Math.round(c.confidence * 100)}% sure): {c.evidence}
            </p>
            {c.specialties.length > 0 && <p className="muted">Specialties: {c.specialties.join(', ')}</p>}
          </div>

          {canOutreach && (
            <div className="toolbar pipeline-actions">
              <button
                type="button"
                disabled={busy || !c.hosts.length}
                onClick={() => void add(c.hosts, 'Hosts')}
              >
                Add hosts to the outreach pipeline
              </button>
              <button
                type="button"
                disabled={busy || !c.regularPeople.length}
                onClick={() => void add(c.regularPeople, 'Regulars')}
              >
                Add regulars to the outreach pipeline
              </button>
            </div>
          )}
          {message && (
            <p role="status" data-testid="pipeline-message">
              {message}
            </p>
          )}

          <div className="chat-columns">
            <People
              title="Hosts"
              people={c.hosts}
              onOpen={props.onOpenAccount}
              note={(p) => `${p.sessions} sessions with questions`}
            />
            <People
              title="Regulars (3 or more of the last 6)"
              people={c.regularPeople}
              onOpen={props.onOpenAccount}
              note={(p) => `${p.lastSix ?? 0} of the last 6`}
            />
            <People
              title="Newcomers"
              people={c.newcomers}
              onOpen={props.onOpenAccount}
              note={(p) => (p.first ? `first came ${dateOnly(p.first)}` : '')}
            />
            <People
              title="Top voices"
              people={c.topVoices.slice(0, 10)}
              onOpen={props.onOpenAccount}
              note={(p) => `score ${(p.score ?? 0).toFixed(3)} · ${p.sessions} sessions`}
            />
            <div className="card">
              <h3>Communities</h3>
              <ul>
                {c.communities.map((k) => (
                  <li key={k.id}>
                    {k.label ?? `Community ${k.id}`} <span className="muted">{k.members} participants</span>
                  </li>
                ))}
              </ul>
            </div>
          </div>

          <div className="card">
            <h3>Past sessions</h3>
            <table className="sessions-table">
              <thead>
                <tr>
                  <th>When (your time)</th>
                  <th>Posts</th>
                  <th>People</th>
                </tr>
              </thead>
              <tbody>
                {c.sessions.slice(0, 26).map((s) => (
                  <tr key={s.start}>
                    <td>{inViewerZone(s.start)}</td>
                    <td>{s.posts}</td>
                    <td>
                      <span className="bar" style={{ width: `${Math.min(100, s.people * 3)}px` }} />{' '}
                      {s.people}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function People(props: {
  title: string;
  people: Person[];
  onOpen: (id: string) => void;
  note: (p: Person) => string;
}) {
  return (
    <div className="card">
      <h3>{props.title}</h3>
      {props.people.length === 0 ? (
        <p className="muted">None</p>
      ) : (
        <ul>
          {props.people.map((p) => (
            <li key={p.id}>
              <button type="button" className="link" onClick={() => props.onOpen(p.id)}>
                {p.name ?? who(p)}
              </button>{' '}
              <span className="muted">
                {who(p)} · {props.note(p)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
