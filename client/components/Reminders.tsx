// Reminders beside the navigation on every view (the home view included): how many of my next steps
// are overdue and due today, the first few by name, and a way to the full list on Outreach.
import { reminders } from '../api/endpoints.ts';
import { useAsync } from '../lib/useAsync.ts';

/** The user's own calendar date, YYYY-MM-DD: "due today" is the user's today, not the server's. */
function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "2 overdue, 1 due today", or null when nothing is due. */
export function remindersText(r: { overdue: number; dueToday: number }): string | null {
  const parts = [
    r.overdue > 0 ? `${r.overdue} overdue` : null,
    r.dueToday > 0 ? `${r.dueToday} due today` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

export function Reminders(props: {
  onOpenOutreach: () => void;
  onOpenAccount: (id: string) => void;
  /** Changes when the counts may have changed (another view, another account). */
  version?: string;
}) {
  const today = localToday();
  const due = useAsync((s) => reminders(today, s), [today, props.version]);
  const r = due.data;
  if (!r) return null;
  const text = remindersText(r);
  return (
    <section className="reminders" aria-labelledby="reminders-title" data-testid="reminders">
      <h2 id="reminders-title">My reminders</h2>
      {text ? (
        <>
          <p className={r.overdue > 0 ? 'overdue' : undefined} data-testid="reminders-counts">
            {text}
          </p>
          <ul>
            {r.items.slice(0, 3).map((i) => (
              <li key={i.relationship.accountId}>
                <button
                  type="button"
                  className="link"
                  onClick={() => props.onOpenAccount(i.relationship.accountId)}
                >
                  @{i.handle ?? i.relationship.accountId}
                </button>{' '}
                {i.relationship.nextStep}
              </li>
            ))}
          </ul>
          {r.overdue + r.dueToday > 3 && <p className="muted">and {r.overdue + r.dueToday - 3} more</p>}
        </>
      ) : (
        <p className="muted">Nothing due today.</p>
      )}
      <button type="button" className="link" onClick={props.onOpenOutreach}>
        All my next steps
      </button>
    </section>
  );
}
