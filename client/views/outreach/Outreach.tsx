// Outreach: the pipeline board by stage (soonest due first), "my next steps" with due dates, and the
// pipeline as CSV from the server.
import { nextSteps, pipeline, pipelineCsvUrl } from '../../api/endpoints.ts';
import { STAGES, type PipelineItem } from '../../api/types.ts';
import { STAGE_COLORS, STAGE_LABELS } from '../../graph/style.ts';
import { useAsync } from '../../lib/useAsync.ts';

/** Days until a due date (negative when overdue), counted in whole calendar days. */
export function daysUntil(dueDate: string, today = new Date()): number {
  const due = Date.UTC(
    Number(dueDate.slice(0, 4)),
    Number(dueDate.slice(5, 7)) - 1,
    Number(dueDate.slice(8, 10)),
  );
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((due - now) / 86_400_000);
}

export function dueText(dueDate: string | null, today = new Date()): string {
  if (!dueDate) return 'no due date';
  const d = daysUntil(dueDate, today);
  if (d < 0) return `overdue by ${-d} day${d === -1 ? '' : 's'}`;
  if (d === 0) return 'due today';
  return `due in ${d} day${d === 1 ? '' : 's'}`;
}

function Card(props: { item: PipelineItem; onOpen: (id: string) => void }) {
  const r = props.item.relationship;
  return (
    <li>
      <button type="button" className="card-button" onClick={() => props.onOpen(r.accountId)}>
        <strong>{props.item.name ?? props.item.handle ?? r.accountId}</strong>
        <span className="muted">@{props.item.handle ?? r.accountId}</span>
        {r.owner && <span className="muted">owner {r.owner}</span>}
        {r.nextStep && <span>Next: {r.nextStep}</span>}
        {r.dueDate && (
          <span className={daysUntil(r.dueDate) < 0 ? 'overdue' : 'muted'}>{dueText(r.dueDate)}</span>
        )}
        {props.item.contacts !== undefined && (
          <span className="muted">
            {props.item.contacts} {props.item.contacts === 1 ? 'contact' : 'contacts'}
          </span>
        )}
      </button>
    </li>
  );
}

export function Outreach(props: { onOpen: (accountId: string) => void }) {
  const board = useAsync((s) => pipeline({}, s), []);
  const mine = useAsync((s) => nextSteps(s), []);
  return (
    <section className="content outreach" aria-labelledby="outreach-view-title">
      <header className="toolbar">
        <h2 id="outreach-view-title">Outreach</h2>
        <a className="button" href={pipelineCsvUrl} download>
          Export CSV
        </a>
        <button type="button" onClick={() => (board.reload(), mine.reload())}>
          Refresh
        </button>
      </header>
      <section aria-labelledby="next-title" className="next-steps">
        <h3 id="next-title">My next steps</h3>
        {mine.error && <p role="alert">{mine.error.message}</p>}
        {mine.data && mine.data.items.length === 0 && <p className="muted">Nothing planned.</p>}
        <ol data-testid="next-steps">
          {mine.data?.items.map((i) => (
            <li key={i.relationship.accountId}>
              <button type="button" className="link" onClick={() => props.onOpen(i.relationship.accountId)}>
                @{i.handle ?? i.relationship.accountId}
              </button>{' '}
              {i.relationship.nextStep} ·{' '}
              <span
                className={
                  i.relationship.dueDate && daysUntil(i.relationship.dueDate) < 0 ? 'overdue' : 'muted'
                }
              >
                {dueText(i.relationship.dueDate)}
              </span>
            </li>
          ))}
        </ol>
      </section>
      {board.error && <p role="alert">{board.error.message}</p>}
      <div className="board" data-testid="pipeline-board">
        {STAGES.map((s) => {
          const items = board.data?.items.filter((i) => i.relationship.stage === s) ?? [];
          return (
            <section key={s} className="column" aria-label={STAGE_LABELS[s]} data-stage={s}>
              <h3 style={{ borderColor: STAGE_COLORS[s] }}>
                {STAGE_LABELS[s]} <span className="muted">{board.data?.counts[s] ?? 0}</span>
              </h3>
              <ul>
                {items.map((i) => (
                  <Card key={i.relationship.accountId} item={i} onOpen={props.onOpen} />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}
