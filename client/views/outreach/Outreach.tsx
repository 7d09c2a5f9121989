// Outreach: the pipeline board by stage (soonest due first) — cards dragged, or moved with their arrow
// buttons from the keyboard, to another stage; an owner filter; the last contact on each card — "my
// next steps" with due dates, and the whole pipeline as CSV from the server.
import { useContext, useState } from 'react';
import { nextSteps, pipeline, pipelineCsvUrl, setRelationship } from '../../api/endpoints.ts';
import { STAGES, type PipelineItem, type Stage } from '../../api/types.ts';
import { STAGE_COLORS, STAGE_LABELS } from '../../graph/style.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { SessionContext, useCan } from '../../state/session.ts';
import { remindersText } from '../../components/Reminders.tsx';

/** Days until a due date (negative when overdue), counted in whole calendar days. */
function daysUntil(dueDate: string, today = new Date()): number {
  const due = Date.UTC(
    Number(dueDate.slice(0, 4)),
    Number(dueDate.slice(5, 7)) - 1,
    Number(dueDate.slice(8, 10)),
  );
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((due - now) / 86_400_000);
}

function dueText(dueDate: string | null, today = new Date()): string {
  if (!dueDate) return 'no due date';
  const d = daysUntil(dueDate, today);
  if (d < 0) return `overdue by ${-d} day${d === -1 ? '' : 's'}`;
  if (d === 0) return 'due today';
  return `due in ${d} day${d === 1 ? '' : 's'}`;
}

/** "today", "yesterday", "5 days ago", else the date: when the account was last contacted. */
export function agoText(iso: string, today = new Date()): string {
  const d = -daysUntil(iso.slice(0, 10), today);
  if (d <= 0) return 'today';
  if (d === 1) return 'yesterday';
  if (d < 60) return `${d} days ago`;
  return `on ${iso.slice(0, 10)}`;
}

/** Moving a relationship to an earlier stage undoes progress, so it is asked for explicitly. */
export function isBackwards(from: Stage, to: Stage): boolean {
  return STAGES.indexOf(to) < STAGES.indexOf(from);
}

/** How many of these next steps are overdue and how many are due today. */
function dueCounts(items: PipelineItem[], today = new Date()) {
  let overdue = 0;
  let dueToday = 0;
  for (const i of items) {
    if (!i.relationship.dueDate) continue;
    const d = daysUntil(i.relationship.dueDate, today);
    if (d < 0) overdue++;
    else if (d === 0) dueToday++;
  }
  return { overdue, dueToday };
}

const DRAG_TYPE = 'application/x-carecircle-account';

function Card(props: {
  item: PipelineItem;
  onOpen: (id: string) => void;
  onMove?: (item: PipelineItem, to: Stage) => void;
}) {
  const r = props.item.relationship;
  const at = STAGES.indexOf(r.stage);
  const prev = STAGES[at - 1];
  const next = STAGES[at + 1];
  // Named as on the card; the handle stays the card's own accessible name.
  const who = props.item.name ?? props.item.handle ?? r.accountId;
  return (
    <li
      draggable={props.onMove !== undefined}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, r.accountId);
        e.dataTransfer.effectAllowed = 'move';
      }}
      data-account={r.accountId}
    >
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
            {props.item.lastContactAt ? `, last ${agoText(props.item.lastContactAt)}` : ''}
          </span>
        )}
      </button>
      {props.onMove && (
        <span className="card-moves">
          {prev && (
            <button
              type="button"
              aria-label={`Move ${who} back to ${STAGE_LABELS[prev]}`}
              title={`Back to ${STAGE_LABELS[prev]}`}
              onClick={() => props.onMove?.(props.item, prev)}
            >
              ‹
            </button>
          )}
          {next && (
            <button
              type="button"
              aria-label={`Move ${who} to ${STAGE_LABELS[next]}`}
              title={`On to ${STAGE_LABELS[next]}`}
              onClick={() => props.onMove?.(props.item, next)}
            >
              ›
            </button>
          )}
        </span>
      )}
    </li>
  );
}

export function Outreach(props: { onOpen: (accountId: string) => void }) {
  const user = useContext(SessionContext);
  const canWrite = useCan('outreach');
  const [owner, setOwner] = useState<string>('');
  const board = useAsync((s) => pipeline(owner ? { owner } : {}, s), [owner]);
  const mine = useAsync((s) => nextSteps(s), []);
  const [moveError, setMoveError] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<Stage | null>(null);
  const owners = [
    ...new Set(
      [user?.name, ...(board.data?.items.map((i) => i.relationship.owner) ?? [])].filter((o): o is string =>
        Boolean(o),
      ),
    ),
  ].sort();

  const move = async (item: PipelineItem, to: Stage) => {
    const r = item.relationship;
    if (r.stage === to) return;
    const who = `@${item.handle ?? r.accountId}`;
    const back = isBackwards(r.stage, to);
    if (back && !window.confirm(`Move ${who} back from ${STAGE_LABELS[r.stage]} to ${STAGE_LABELS[to]}?`)) {
      return;
    }
    setMoveError(null);
    try {
      // The server refuses a move back unless it is confirmed, so progress is never undone by accident.
      await setRelationship(r.accountId, back ? { stage: to, confirmBackwards: true } : { stage: to });
      board.reload();
    } catch (e) {
      setMoveError(`${who} was not moved: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const onDrop = (to: Stage, e: React.DragEvent) => {
    e.preventDefault();
    setDropTarget(null);
    const id = e.dataTransfer.getData(DRAG_TYPE);
    const item = board.data?.items.find((i) => i.relationship.accountId === id);
    if (item) void move(item, to);
  };
  return (
    <section className="content outreach" aria-labelledby="outreach-view-title">
      <header className="toolbar">
        <h2 id="outreach-view-title">Outreach</h2>
        <label>
          Owner{' '}
          <select value={owner} onChange={(e) => setOwner(e.target.value)} aria-label="Show the cards of">
            <option value="">Everyone</option>
            {owners.map((o) => (
              <option key={o} value={o}>
                {o === user?.name ? `Me (${o})` : o}
              </option>
            ))}
          </select>
        </label>
        <a className="button" href={pipelineCsvUrl} download>
          Export the whole pipeline (CSV)
        </a>
        <button type="button" onClick={() => (board.reload(), mine.reload())}>
          Refresh
        </button>
      </header>
      <section aria-labelledby="next-title" className="next-steps">
        <h3 id="next-title">
          My next steps{' '}
          {mine.data && (
            <span className="muted" data-testid="next-steps-counts">
              {remindersText(dueCounts(mine.data.items)) ?? 'nothing due today'}
            </span>
          )}
        </h3>
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
      {moveError && <p role="alert">{moveError}</p>}
      {canWrite && <p className="muted hint">Drag a card to another stage, or use its arrows.</p>}
      <div className="board" data-testid="pipeline-board">
        {STAGES.map((s) => {
          const items = board.data?.items.filter((i) => i.relationship.stage === s) ?? [];
          return (
            <section
              key={s}
              className={`column${dropTarget === s ? ' drop-target' : ''}`}
              aria-label={STAGE_LABELS[s]}
              data-stage={s}
              onDragOver={
                canWrite
                  ? (e) => {
                      if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
                      e.preventDefault();
                      setDropTarget(s);
                    }
                  : undefined
              }
              onDragLeave={() => setDropTarget((t) => (t === s ? null : t))}
              onDrop={canWrite ? (e) => onDrop(s, e) : undefined}
            >
              <h3 style={{ borderColor: STAGE_COLORS[s] }}>
                {STAGE_LABELS[s]} <span className="muted">{board.data?.counts[s] ?? 0}</span>
              </h3>
              <ul>
                {items.map((i) => (
                  <Card
                    key={i.relationship.accountId}
                    item={i}
                    onOpen={props.onOpen}
                    onMove={canWrite ? (item, to) => void move(item, to) : undefined}
                  />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}
