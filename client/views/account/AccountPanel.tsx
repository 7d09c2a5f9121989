// The right-hand panel for one account: profile, score with its explanation, community, hashtags,
// recent posts, ego network, warm introductions (drawn on the graph) and the outreach state and log.
// Bios and posts are social-media text: rendered as text nodes only.
import { useContext, useEffect, useState } from 'react';
import { account, contacts, ego, paths, setRelationship, type GraphPeriod } from '../../api/endpoints.ts';
import { ApiError } from '../../api/http.ts';
import { STAGES, type Stage, type WarmPathData } from '../../api/types.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { STAGE_LABELS } from '../../graph/style.ts';
import { stageAhead } from '../../lib/stage-conflict.ts';
import { SessionContext, useCan } from '../../state/session.ts';
import { plural, roleLabel, specialtyLabel, topPercent } from '../../lib/words.ts';
import { ContactEntry } from './ContactEntry.tsx';
import { ContactForm } from './ContactForm.tsx';
import { NextStepForm } from './NextStepForm.tsx';
import { PurgeButton } from './PurgeButton.tsx';
import { Timeline } from './Timeline.tsx';

/** Where the account stands in the ranking the user is looking at (a topic, a place …). */
export interface Standing {
  rank: number;
  contextSize: number;
  /** The context in words, e.g. "#t1d" or "type 1 diabetes". */
  label: string;
}

const fmt = (n: number | null | undefined, digits = 3) =>
  n === null || n === undefined ? '—' : n.toFixed(digits);

export function AccountPanel(props: {
  accountId: string;
  onClose: () => void;
  onShowPath: (p: WarmPathData | null) => void;
  onShowEgo: (ids: string[] | null) => void;
  onOpenAccount: (id: string) => void;
  /** The filter panel's period and interaction types: the ego network counts only those. */
  period?: GraphPeriod;
  /** Set when the account was opened from a ranking in a topic. */
  standing?: Standing | null | undefined;
}) {
  const { accountId } = props;
  const profile = useAsync((s) => account(accountId, s), [accountId]);
  const log = useAsync((s) => contacts(accountId, s), [accountId]);
  const [warm, setWarm] = useState<WarmPathData[] | null>(null);
  const [egoIds, setEgoIds] = useState<{ id: string; label: string }[] | null>(null);
  const [stageError, setStageError] = useState<string | null>(null);
  const [moveBack, setMoveBack] = useState<{ stage: Stage; current: Stage } | null>(null);
  // The next step form's "Saved", kept across the remount its save causes (NextStepForm), per account.
  const [nextStepSaved, setNextStepSaved] = useState(false);
  useEffect(() => setNextStepSaved(false), [accountId]);
  const canWrite = useCan('outreach');
  const user = useContext(SessionContext);
  const isAdmin = useCan('admin');

  if (profile.error) {
    return (
      <aside className="side-panel" aria-label="Account">
        <button type="button" className="close" onClick={props.onClose} aria-label="Close account panel">
          ×
        </button>
        <p role="alert">
          {profile.error instanceof ApiError && profile.error.status === 404
            ? 'No such account.'
            : profile.error.message}
        </p>
      </aside>
    );
  }
  const p = profile.data;
  if (!p)
    return (
      <aside className="side-panel" aria-label="Account" aria-busy="true">
        Loading…
      </aside>
    );
  const a = p.account;
  const rel = p.outreach.relationship;

  const changeStage = async (stage: Stage, confirmBackwards = false) => {
    setStageError(null);
    setMoveBack(null);
    setNextStepSaved(false);
    try {
      await setRelationship(accountId, { stage, ...(confirmBackwards ? { confirmBackwards } : {}) });
      profile.reload();
    } catch (e) {
      // An earlier stage is a deliberate step back: ask, then send it again confirmed.
      const current = stageAhead(e);
      if (current) setMoveBack({ stage, current });
      else setStageError(e instanceof Error ? e.message : String(e));
    }
  };
  const loadWarm = async () => setWarm((await paths(accountId)).items);
  const loadEgo = async () => {
    const g = await ego(accountId, props.period);
    setEgoIds(g.nodes.filter((n) => n.id !== accountId).map((n) => ({ id: n.id, label: n.label })));
    props.onShowEgo(g.nodes.map((n) => n.id));
  };

  return (
    <aside className="side-panel" aria-label="Account" data-testid="account-panel">
      <button type="button" className="close" onClick={props.onClose} aria-label="Close account panel">
        ×
      </button>
      <header>
        <h2>{a.name ?? a.handle ?? a.id}</h2>
        <p className="muted">
          {a.handle && <span>@{a.handle}</span>} · {a.platform} {a.verified ? '· verified' : ''}
          {a.url && (
            <>
              {' · '}
              <a
                href={/^https?:\/\//.test(a.url) ? a.url : undefined}
                target="_blank"
                rel="noreferrer noopener"
              >
                profile
              </a>
            </>
          )}
        </p>
        {a.bio && <p className="bio">{a.bio}</p>}
        <dl className="facts">
          <dt>Role</dt>
          <dd data-testid="account-role">{roleLabel(a.role)}</dd>
          <dt>Place</dt>
          <dd>
            {a.place?.name
              ? [a.place.name, a.place.region, a.place.country].filter(Boolean).join(', ')
              : (a.location ?? '—')}
          </dd>
          <dt>Specialties</dt>
          <dd>{a.specialties.length ? a.specialties.map(specialtyLabel).join(', ') : '—'}</dd>
          <dt>Followers</dt>
          <dd>{a.followers === null ? '—' : a.followers.toLocaleString('en-US')}</dd>
          <dt>Local reach</dt>
          <dd data-testid="account-local-reach">
            {p.scores.localReach === null
              ? 'unknown (no place, or no attention yet)'
              : `${Math.round(p.scores.localReach * 100)} % of the attention it gets comes from within 50 km`}
          </dd>
          <dt>Community</dt>
          <dd>
            {p.community
              ? `${p.community.label ?? `community ${p.community.id}`}` +
                (p.community.size === null ? '' : ` (${plural(p.community.size, 'account')})`)
              : '—'}
          </dd>
        </dl>
      </header>

      <section aria-labelledby="why-title">
        <h3 id="why-title">Influence</h3>
        {p.scores.spamFlag && (
          <p className="warning" role="note" data-testid="account-spam-flag">
            Looks like spam or a bot: {p.scores.spamFlag}. Left out of rankings by default.
          </p>
        )}
        <p>
          Influence score <strong data-testid="account-score">{fmt(p.scores.score)}</strong> of 1
          {p.scores.rank !== null && <> · #{p.scores.rank} of all accounts</>}
        </p>
        {props.standing && props.standing.contextSize > 0 && (
          <p data-testid="account-standing">
            In {props.standing.label}: #{props.standing.rank} of {props.standing.contextSize},{' '}
            <strong>{topPercent(props.standing.rank, props.standing.contextSize)}</strong>
          </p>
        )}
        <ul className="explanation" data-testid="account-explanation">
          {p.explanation.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
        <p className="muted">
          Reached by {plural(p.interactions.inAccounts, 'account')} (
          {plural(p.interactions.inTotal, 'interaction')}); it reaches{' '}
          {plural(p.interactions.outAccounts, 'account')}.
        </p>
      </section>

      {p.topHashtags.length > 0 && (
        <section aria-labelledby="tags-title">
          <h3 id="tags-title">Top hashtags</h3>
          <p className="tags">
            {p.topHashtags.map((t) => (
              <span key={t.tag} className="tag">
                #{t.tag} <small>{t.count}</small>
              </span>
            ))}
          </p>
        </section>
      )}

      <section aria-labelledby="outreach-title">
        <h3 id="outreach-title">Outreach</h3>
        <p>
          Stage: <strong data-testid="account-stage">{rel ? STAGE_LABELS[rel.stage] : 'none yet'}</strong>
          {rel?.owner && <> · owner {rel.owner}</>}
          {rel?.nextStep && (
            <>
              {' '}
              · next: {rel.nextStep}
              {rel.dueDate && <> (due {rel.dueDate})</>}
            </>
          )}
        </p>
        {canWrite && (
          <p>
            <label htmlFor="stage-select">Move to </label>
            <select
              id="stage-select"
              value={rel?.stage ?? ''}
              onChange={(e) => void changeStage(e.target.value as Stage)}
            >
              {!rel && <option value="">—</option>}
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {STAGE_LABELS[s]}
                </option>
              ))}
            </select>
          </p>
        )}
        {moveBack && (
          <p role="group" aria-label="Confirm moving back">
            Move back from {STAGE_LABELS[moveBack.current]} to {STAGE_LABELS[moveBack.stage]}?{' '}
            <button type="button" onClick={() => void changeStage(moveBack.stage, true)}>
              Move back
            </button>{' '}
            <button type="button" onClick={() => setMoveBack(null)}>
              Keep {STAGE_LABELS[moveBack.current]}
            </button>
          </p>
        )}
        {stageError && <p role="alert">{stageError}</p>}
        {canWrite && (
          <NextStepForm
            key={`${rel?.updatedAt ?? 'none'}`}
            accountId={accountId}
            relationship={rel}
            currentUser={user?.name ?? ''}
            justSaved={nextStepSaved}
            onSaved={() => {
              setNextStepSaved(true);
              profile.reload();
            }}
          />
        )}
        {canWrite && (
          <ContactForm
            accountId={accountId}
            onLogged={() => {
              log.reload();
              profile.reload();
            }}
          />
        )}
        <h4>Contact log</h4>
        {log.data && log.data.items.length === 0 && <p className="muted">No contacts yet.</p>}
        <ol className="contact-log" data-testid="contact-log">
          {log.data?.items.map((c) => (
            <ContactEntry
              key={`${c.id}-${c.updatedAt ?? ''}`}
              contact={c}
              canChange={canWrite && (isAdmin || c.by === user?.name)}
              onChanged={() => {
                log.reload();
                profile.reload();
              }}
            >
              {isAdmin && !c.purgedAt && <PurgeButton contactId={c.id} onPurged={() => log.reload()} />}
            </ContactEntry>
          ))}
        </ol>
      </section>

      <Timeline
        accountId={accountId}
        version={`${rel?.updatedAt ?? ''}|${log.data?.items.map((c) => `${c.id}${c.updatedAt ?? ''}`).join() ?? ''}`}
      />

      <section aria-labelledby="network-title">
        <h3 id="network-title">Network</h3>
        <div className="buttons">
          <button type="button" onClick={() => void loadEgo()}>
            Show ego network
          </button>
          <button type="button" onClick={() => void loadWarm()}>
            Find warm introductions
          </button>
          {(egoIds || warm) && (
            <button
              type="button"
              onClick={() => {
                setEgoIds(null);
                setWarm(null);
                props.onShowEgo(null);
                props.onShowPath(null);
              }}
            >
              Clear
            </button>
          )}
        </div>
        {egoIds && <p className="muted">{egoIds.length} strongest partners highlighted on the graph.</p>}
        {warm && warm.length === 0 && <p className="muted">No path from an account you already work with.</p>}
        {warm && warm.length > 0 && (
          <ol className="paths">
            {warm.map((w, i) => (
              <li key={i}>
                <button type="button" className="link" onClick={() => props.onShowPath(w)}>
                  {w.hops} {w.hops === 1 ? 'hop' : 'hops'} from a {STAGE_LABELS[w.stage].toLowerCase()}:
                </button>{' '}
                {w.accounts.map((x) => `@${x.handle ?? x.id}`).join(' → ')}
              </li>
            ))}
          </ol>
        )}
      </section>

      {p.recentPosts.length > 0 && (
        <section aria-labelledby="posts-title">
          <h3 id="posts-title">Recent posts</h3>
          <ul className="posts">
            {p.recentPosts.map((post) => (
              <li key={post.id}>
                {post.createdAt && <time dateTime={post.createdAt}>{post.createdAt.slice(0, 10)}</time>}
                {post.text ? (
                  <p className="post-text">{post.text}</p>
                ) : (
                  <p className="muted">The import held no text for this post.</p>
                )}
                {post.hashtags.length > 0 && (
                  <p className="tags">
                    {post.hashtags.map((t) => (
                      <span key={t} className="tag">
                        #{t}
                      </span>
                    ))}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}
