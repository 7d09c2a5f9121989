// The app shell: restores the session, then left navigation, the current view in the middle and the
// account panel on the right. Everything a link should reproduce lives in the URL (state/filters.ts).
import { useCallback, useEffect, useRef, useState } from 'react';
import { logout, me } from './api/endpoints.ts';
import type { InfluencerItem, Me, WarmPathData } from './api/types.ts';
import { Reminders } from './components/Reminders.tsx';
import { ChangePassword } from './components/ChangePassword.tsx';
import { HealthBadge } from './components/HealthBadge.tsx';
import { serializeState, type AppState, type View } from './state/filters.ts';
import { SessionContext } from './state/session.ts';
import { useAppState } from './state/useAppState.ts';
import { AccountPanel, type Standing } from './views/account/AccountPanel.tsx';
import { Admin } from './views/admin/Admin.tsx';
import { Chats } from './views/chats/Chats.tsx';
import { Communities } from './views/communities/Communities.tsx';
import { Explore } from './views/explore/Explore.tsx';
import { Inbox } from './views/inbox/Inbox.tsx';
import { Influencers } from './views/influencers/Influencers.tsx';
import { Outreach } from './views/outreach/Outreach.tsx';
import { SignIn } from './views/signin/SignIn.tsx';

const NAV: { view: View; label: string; admin?: boolean }[] = [
  { view: 'explore', label: 'Explore' },
  { view: 'influencers', label: 'Influencers' },
  { view: 'communities', label: 'Communities & hashtags' },
  { view: 'chats', label: 'Hashtag chats' },
  { view: 'outreach', label: 'Outreach' },
  { view: 'inbox', label: 'Inbox' },
  { view: 'admin', label: 'Admin', admin: true },
];

export function App() {
  const [session, setSession] = useState<Me['user'] | null | undefined>(undefined);
  useEffect(() => {
    // Not signed in (401) or server down: either way the sign-in page, whose footer shows health.
    me().then(
      (m) => setSession(m.user),
      () => setSession(null),
    );
  }, []);
  if (session === undefined) return <p className="loading">Loading…</p>;
  if (session === null) return <SignIn onSignedIn={(m) => setSession(m.user)} />;
  return (
    <SessionContext.Provider value={session}>
      <Shell user={session} onSignOut={() => setSession(null)} />
    </SessionContext.Provider>
  );
}

function Shell(props: { user: Me['user']; onSignOut: () => void }) {
  const [state, update] = useAppState();
  // Where focus was when the account panel opened, so closing it (button or Escape) returns there.
  const opener = useRef<HTMLElement | null>(null);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [path, setPath] = useState<WarmPathData | null>(null);
  const [ego, setEgo] = useState<ReadonlySet<string> | null>(null);
  // The standing of the account last opened from a topic ranking (rank in that topic, of how many).
  const [standing, setStanding] = useState<(Standing & { accountId: string }) | null>(null);
  const openFromRanking = (id: string, item?: InfluencerItem) => {
    setStanding(
      item?.topic && item.rank > 0 && item.contextSize > 0
        ? { accountId: id, rank: item.rank, contextSize: item.contextSize, label: item.topic.label }
        : null,
    );
    openAccount(id);
  };
  const openAccount = useCallback(
    (id: string | undefined) => {
      if (
        id &&
        document.activeElement instanceof HTMLElement &&
        !document.activeElement.closest('.side-panel')
      ) {
        opener.current = document.activeElement;
      }
      setPath(null);
      setEgo(null);
      update({ account: id });
      if (!id) {
        const back = opener.current;
        opener.current = null;
        if (back?.isConnected) requestAnimationFrame(() => back.focus());
      }
    },
    [update],
  );
  useEffect(() => {
    if (!state.account) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) openAccount(undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [state.account, openAccount]);
  useEffect(() => {
    const label = NAV.find((n) => n.view === state.view)?.label;
    document.title = label ? `${label} · Carecircle` : 'Carecircle';
  }, [state.view]);
  const go = (view: View, extra: Partial<AppState> = {}) => update({ view, ...extra });
  const signOut = async () => {
    await logout().catch(() => undefined);
    props.onSignOut();
  };

  return (
    <div className={`app ${state.account ? 'with-panel' : ''}`}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <nav className="left-nav" aria-label="Main">
        <div className="brand">Carecircle</div>
        <ul>
          {NAV.filter((n) => !n.admin || props.user.role === 'admin').map((n) => (
            <li key={n.view}>
              <a
                href={serializeState({ ...state, view: n.view }) || '?'}
                aria-current={state.view === n.view ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  go(n.view);
                }}
              >
                {n.label}
              </a>
            </li>
          ))}
        </ul>
        <Reminders
          onOpenOutreach={() => go('outreach')}
          onOpenAccount={openAccount}
          version={`${state.view}|${state.account ?? ''}`}
        />
        <div className="who">
          Signed in as <strong data-testid="signed-in-user">{props.user.name}</strong> ({props.user.role})
          <button type="button" className="link" onClick={() => void signOut()}>
            Sign out
          </button>
          <button type="button" className="link" onClick={() => setPasswordOpen((o) => !o)}>
            My password
          </button>
          {passwordOpen && <ChangePassword onClose={() => setPasswordOpen(false)} />}
        </div>
        <footer>
          <HealthBadge />
        </footer>
      </nav>
      <main className="main" id="main" tabIndex={-1}>
        {state.view === 'explore' && (
          <Explore
            filters={state.filters}
            onFilters={(filters) => update({ filters })}
            search={state.search}
            onSearch={(search) => update({ search }, { replace: true })}
            selected={state.account}
            onSelect={openAccount}
            path={path}
            ego={ego}
          />
        )}
        {state.view === 'influencers' && (
          <Influencers
            filters={state.filters}
            onFilters={(filters) => update({ filters })}
            selected={state.account}
            onOpen={openFromRanking}
          />
        )}
        {state.view === 'communities' && (
          <Communities
            tag={state.tag}
            onTag={(tag) => update({ tag })}
            onOpenCommunity={(id) => go('explore', { filters: { ...state.filters, community: id } })}
            onOpenAccount={openAccount}
          />
        )}
        {state.view === 'chats' && (
          <Chats tag={state.tag} onTag={(tag) => update({ tag })} onOpenAccount={openAccount} />
        )}
        {state.view === 'outreach' && <Outreach onOpen={openAccount} />}
        {state.view === 'inbox' && <Inbox />}
        {state.view === 'admin' && props.user.role === 'admin' && <Admin onOpenAccount={openAccount} />}
      </main>
      {state.account && (
        <AccountPanel
          key={state.account}
          accountId={state.account}
          onClose={() => openAccount(undefined)}
          onShowPath={(p) => {
            setPath(p);
            if (p && state.view !== 'explore') go('explore');
          }}
          onShowEgo={(ids) => {
            setEgo(ids ? new Set(ids) : null);
            if (ids && state.view !== 'explore') go('explore');
          }}
          onOpenAccount={openAccount}
          period={state.filters}
          standing={standing?.accountId === state.account ? standing : null}
        />
      )}
    </div>
  );
}
