// A full dump of the social graph for "the same state" comparisons: every node with its labels and
// all its properties, every relationship with its type, ends and all its properties, sorted. The
// collector's own bookkeeping (Watch, WatchRun: leases, run ids, timestamps) and the test marker are
// left out: they record how the state was reached, not what it is.
import type { Db } from '../../../queries/db.ts';

const KEY = 'coalesce(n.id, n.tag, n.key, elementId(n))';
const BOOKKEEPING = ['Watch', 'WatchRun', 'CarecircleMeta'];

export async function fullDump(db: Db): Promise<string[]> {
  const nodes = await db.read(
    `MATCH (n) WHERE none(l IN labels(n) WHERE l IN $skip)
     RETURN ${KEY} AS key, labels(n) AS labels, properties(n) AS props`,
    { skip: BOOKKEEPING },
  );
  const rels = await db.read(
    `MATCH (a)-[r]->(b)
     WHERE none(l IN labels(a) + labels(b) WHERE l IN $skip)
     RETURN ${KEY.replaceAll('n.', 'a.').replace('elementId(n)', 'elementId(a)')} AS a, type(r) AS type,
            ${KEY.replaceAll('n.', 'b.').replace('elementId(n)', 'elementId(b)')} AS b, properties(r) AS props`,
    { skip: BOOKKEEPING },
  );
  const sorted = (o: unknown) =>
    JSON.stringify(o, (_k, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)),
          )
        : typeof v === 'bigint'
          ? v.toString()
          : v,
    );
  return [
    ...nodes.map((n) => `N ${sorted([...(n.labels as string[])].sort())} ${n.key} ${sorted(n.props)}`),
    ...rels.map((r) => `R ${r.a} ${r.type} ${r.b} ${sorted(r.props)}`),
  ].sort();
}
