// The weekly view of the inbox as small SVG charts: mentions per week stacked by category, the same
// weeks by sentiment, and the top complaint themes. Plain SVG drawn by React (no chart library): every
// label is a text node, so whatever a theme or a week holds is shown as text, never as markup. A
// table of the same numbers sits under the charts for screen readers and for copying.
import type { Category, Sentiment, Weekly } from '../../../queries/listening/contract.ts';

interface Series<K extends string> {
  key: K;
  label: string;
  color: string;
}

const CATEGORY_SERIES: Series<Category>[] = [
  { key: 'clinical_safety', label: 'Clinical safety', color: '#b42318' },
  { key: 'complaint', label: 'Complaint', color: '#e08a00' },
  { key: 'question', label: 'Question', color: '#2563eb' },
  { key: 'praise', label: 'Praise', color: '#15803d' },
  { key: 'other', label: 'Other', color: '#9ca3af' },
];

const SENTIMENT_SERIES: Series<Sentiment>[] = [
  { key: 'negative', label: 'Negative', color: '#dc2626' },
  { key: 'neutral', label: 'Neutral', color: '#a3a3a3' },
  { key: 'positive', label: 'Positive', color: '#16a34a' },
];

/** ISO week of a date as the server writes it ("2026-W10"), counted in UTC like the server. */
export function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  // The Thursday of this week decides the ISO year.
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const year = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The last `count` ISO weeks up to the one holding `now`, oldest first. */
export function lastWeeks(count: number, now: Date): string[] {
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) out.push(isoWeek(new Date(now.getTime() - i * 7 * 86_400_000)));
  return [...new Set(out)];
}

type Row = Weekly['weeks'][number];

/** Every week of the period, with zeros for the weeks without a mention (the server leaves them out). */
function fillWeeks(weekly: Weekly, count: number, now: Date): Row[] {
  const byWeek = new Map(weekly.weeks.map((w) => [w.week, w]));
  const weeks = lastWeeks(count, now);
  // A week the server has but the client's clock does not (clocks apart) is still shown.
  for (const w of weekly.weeks) if (!weeks.includes(w.week)) weeks.push(w.week);
  weeks.sort();
  return weeks.map(
    (week) =>
      byWeek.get(week) ?? {
        week,
        total: 0,
        sentiment: { negative: 0, neutral: 0, positive: 0 },
        categories: { complaint: 0, praise: 0, question: 0, clinical_safety: 0, other: 0 },
      },
  );
}

/** A round top for the axis: 1, 2 or 5 times a power of ten, at least the largest value. */
export function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 5, 10].map((m) => m * p).find((m) => m >= v) ?? 10 * p) as number;
}

const W = 340;
const H = 150;
const LEFT = 30;
const BOTTOM = 20;
const TOP = 8;

function StackedBars<K extends string>(props: {
  title: string;
  rows: Row[];
  series: Series<K>[];
  value: (row: Row, key: K) => number;
  testId: string;
}) {
  const { rows, series, value } = props;
  const max = niceMax(Math.max(0, ...rows.map((r) => series.reduce((s, x) => s + value(r, x.key), 0))));
  const plotH = H - TOP - BOTTOM;
  const band = (W - LEFT) / Math.max(1, rows.length);
  const barW = Math.max(4, band * 0.7);
  const y = (v: number) => TOP + plotH - (v / max) * plotH;
  const total = rows.reduce((s, r) => s + r.total, 0);
  return (
    <figure className="chart" data-testid={props.testId}>
      <figcaption>{props.title}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${props.title}: ${total} mentions over ${rows.length} weeks`}
      >
        <line x1={LEFT} x2={W} y1={y(0)} y2={y(0)} className="axis" />
        <line x1={LEFT} x2={W} y1={y(max)} y2={y(max)} className="grid" />
        <text x={LEFT - 4} y={y(max) + 4} textAnchor="end" className="tick">
          {max}
        </text>
        <text x={LEFT - 4} y={y(0)} textAnchor="end" className="tick">
          0
        </text>
        {rows.map((r, i) => {
          const x = LEFT + i * band + (band - barW) / 2;
          let base = 0;
          return (
            <g key={r.week}>
              {series.map((s) => {
                const v = value(r, s.key);
                if (v <= 0) return null;
                const rect = (
                  <rect
                    key={s.key}
                    x={x}
                    width={barW}
                    y={y(base + v)}
                    height={y(base) - y(base + v)}
                    fill={s.color}
                    data-series={s.key}
                  >
                    <title>{`${r.week} · ${s.label}: ${v}`}</title>
                  </rect>
                );
                base += v;
                return rect;
              })}
              {(rows.length <= 12 || i % 2 === 0) && (
                <text x={x + barW / 2} y={H - 6} textAnchor="middle" className="tick">
                  {r.week.slice(5)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul className="legend">
        {series.map((s) => (
          <li key={s.key}>
            <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}

function Themes(props: { themes: Weekly['themes'] }) {
  const max = Math.max(1, ...props.themes.map((t) => t.count));
  const rowH = 18;
  const labelW = 110;
  const shown = props.themes.slice(0, 6);
  return (
    <figure className="chart" data-testid="weekly-themes">
      <figcaption>Top complaint themes</figcaption>
      {shown.length === 0 ? (
        <p className="muted">No complaints in this period.</p>
      ) : (
        <svg
          viewBox={`0 0 ${W} ${shown.length * rowH + 4}`}
          role="img"
          aria-label={`Top complaint themes: ${shown.map((t) => `${t.theme} ${t.count}`).join(', ')}`}
        >
          {shown.map((t, i) => {
            const w = ((W - labelW - 40) * t.count) / max;
            return (
              <g key={t.theme} transform={`translate(0 ${i * rowH})`}>
                <text x={labelW - 6} y={13} textAnchor="end" className="tick">
                  {t.theme}
                </text>
                <rect x={labelW} y={3} width={Math.max(2, w)} height={rowH - 6} fill="#e08a00" />
                <text x={labelW + w + 4} y={13} className="tick">
                  {t.count}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}

/** The weekly view: categories and sentiment per week, complaint themes, and the numbers as a table. */
export function WeeklyChart(props: { weekly: Weekly; weeks: number; now?: Date }) {
  const rows = fillWeeks(props.weekly, props.weeks, props.now ?? new Date());
  return (
    <div className="weekly-charts">
      <StackedBars
        title="Mentions per week, by category"
        rows={rows}
        series={CATEGORY_SERIES}
        value={(r, k) => r.categories[k]}
        testId="weekly-categories"
      />
      <StackedBars
        title="Mentions per week, by sentiment"
        rows={rows}
        series={SENTIMENT_SERIES}
        value={(r, k) => r.sentiment[k]}
        testId="weekly-sentiment"
      />
      <Themes themes={props.weekly.themes} />
      <details className="weekly-table">
        <summary>The numbers</summary>
        <table className="data-table" data-testid="weekly-table">
          <thead>
            <tr>
              <th scope="col">Week</th>
              <th scope="col" className="num">
                Mentions
              </th>
              {CATEGORY_SERIES.map((s) => (
                <th key={s.key} scope="col" className="num">
                  {s.label}
                </th>
              ))}
              {SENTIMENT_SERIES.map((s) => (
                <th key={s.key} scope="col" className="num">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.week}>
                <th scope="row">{r.week}</th>
                <td className="num">{r.total}</td>
                {CATEGORY_SERIES.map((s) => (
                  <td key={s.key} className="num">
                    {r.categories[s.key]}
                  </td>
                ))}
                {SENTIMENT_SERIES.map((s) => (
                  <td key={s.key} className="num">
                    {r.sentiment[s.key]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
