// Which colour is which value when nodes are coloured by role, region or country: the same entries the
// canvas coloured with (graph/style.ts categoryLegend), each with how many accounts in view have it.
import type { CategoryEntry } from '../../graph/style.ts';

export function CategoryLegend(props: { title: string; items: readonly CategoryEntry[] }) {
  if (props.items.length === 0) return null;
  return (
    <ul className="legend category-legend" aria-label={`${props.title} (node colour)`}>
      {props.items.map((c) => (
        <li key={c.key ?? '(none)'}>
          <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
          {c.label} <span className="muted">{c.count}</span>
        </li>
      ))}
    </ul>
  );
}
