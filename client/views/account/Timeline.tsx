// What happened with this account, newest first: stage changes, next steps, contacts and the posts in
// which it named the organisation. Post text is social-media text: shown as text only.
import { timeline } from '../../api/endpoints.ts';
import type { TimelineEvent } from '../../api/types.ts';
import { STAGE_LABELS } from '../../graph/style.ts';
import { useAsync } from '../../lib/useAsync.ts';

function eventText(e: TimelineEvent): string {
  switch (e.kind) {
    case 'stage':
      return e.fromStage && e.stage
        ? `Moved from ${STAGE_LABELS[e.fromStage]} to ${STAGE_LABELS[e.stage]}`
        : `Started at ${e.stage ? STAGE_LABELS[e.stage] : 'a stage'}`;
    case 'next_step':
      return `Next step: ${e.text ?? ''}${e.dueDate ? ` (due ${e.dueDate})` : ''}`;
    case 'contact':
      return `Contact by ${e.channel ?? 'other'}: ${e.text ?? ''}${e.outcome ? ` — ${e.outcome}` : ''}`;
    case 'mention':
      return `Mentioned us${e.category ? ` (${e.category.replace('-', ' ')})` : ''}: ${e.text ?? ''}`;
  }
}

export function Timeline(props: { accountId: string; version: string }) {
  const events = useAsync((s) => timeline(props.accountId, s), [props.accountId, props.version]);
  return (
    <section aria-labelledby="timeline-title">
      <h3 id="timeline-title">Timeline</h3>
      {events.error && <p role="alert">{events.error.message}</p>}
      {events.data && events.data.items.length === 0 && <p className="muted">Nothing has happened yet.</p>}
      <ol className="timeline" data-testid="account-timeline">
        {events.data?.items.map((e, i) => (
          <li key={`${e.kind}-${e.at}-${i}`} className={`event-${e.kind}`}>
            <time dateTime={e.at}>{new Date(e.at).toLocaleDateString()}</time> <span>{eventText(e)}</span>
            {e.by && <span className="muted"> · {e.by}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
