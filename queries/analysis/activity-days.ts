// Each day's activity, stored at analysis time so that the aggregated view of a time window
// (queries/graph.ts) reads one small node per day instead of every post of the window: read live, a
// quarter of the 1M-interaction demo graph took 2.5 s (the newest 100k posts, twice), over the 500 ms
// a first read may take (issue 15).
//
// One (:ActivityDay {day}) per UTC day that has posts, holding per interaction type:
// - a bitset of the accounts that sent or received one that day, over this run's numbering of the
//   accounts, so the number of distinct accounts active in any run of days is the popcount of the OR
//   of their bitsets (exact, where per-day counts could only be summed into an overcount);
// - the summed weight between each ordered pair of communities (`sources[k]` → `targets[k]`, the same
//   pair inside one community counts towards its activity), as window-communities.cypher sums them.
// Like the other summaries it is derived from the graph in Neo4j (accounts' stored communities), so it
// can be rebuilt for any graph; posts loaded after the analysis show in it at the next analysis.
//
// Size: days × types × accounts / 8 bytes (9 MB for the 180 days of the 1M demo graph, 100k accounts).
import { loadCypher } from '../cypher.ts';
import { int, type Db } from '../db.ts';
import { REL, WINDOW_TYPES, type WindowType } from '../window.ts';
import { z } from 'zod';

const PAGE_ACCOUNTS = 10_000;
/** Days written per statement: each carries up to four bitsets of accounts / 8 bytes. */
const DAYS_PER_WRITE = 20;

const TYPE_OF_REL = new Map<string, number>(WINDOW_TYPES.map((t, k) => [REL[t], k]));
const AccountRow = z.object({ id: z.string(), community: z.union([z.number(), z.string()]).nullable() });
const Boundary = z.object({ first: z.string(), last: z.string() });

interface Day {
  /** Per type (WINDOW_TYPES order): the accounts active that day, or undefined when none were. */
  active: (Uint8Array | undefined)[];
  /** source × C + target (community numbers, C of them) → summed weight per type. */
  pairs: Map<number, Float64Array>;
}

/** The property names a day stores for type t: its bitset and its weight list. */
export const activityKeys = (t: WindowType) => ({ active: t, weight: `${t}Weight` });

/** Reads every post's interactions once and writes the days. Returns the number of days written. */
export async function writeActivityDays(work: Db): Promise<number> {
  const accounts = (await work.read(loadCypher('analysis/summaries/activity-accounts'))).map((r) =>
    AccountRow.parse(r),
  );
  const index = new Map<string, number>();
  accounts.forEach((a, i) => index.set(a.id, i));
  // Communities numbered 0..C-1 so a pair is one number, not a string built per interaction.
  const communityIds: (number | string)[] = [];
  const communityNumber = new Map<string, number>();
  const communityOf = Int32Array.from(accounts, (a) => {
    if (a.community === null) return -1;
    const key = String(a.community);
    let c = communityNumber.get(key);
    if (c === undefined) communityNumber.set(key, (c = communityIds.push(a.community) - 1));
    return c;
  });
  const C = Math.max(1, communityIds.length);
  const bytes = Math.ceil(accounts.length / 8);
  const days = new Map<string, Day>();
  const mark = (day: Day, type: number, account: number) => {
    const set = (day.active[type] ??= new Uint8Array(bytes));
    set[account >> 3]! |= 1 << (account & 7);
  };

  const pages = (
    await work.read(loadCypher('analysis/account-boundaries'), { pageSize: int(PAGE_ACCOUNTS) })
  ).map((r) => Boundary.parse(r));
  const readPage = (k: number) => work.read(loadCypher('analysis/summaries/activity-page'), pages[k]!);
  // The next page is read by Neo4j while this one is summed here.
  let next = pages.length > 0 ? readPage(0) : null;
  for (let k = 0; next; k++) {
    const rows = await next;
    next = k + 1 < pages.length ? readPage(k + 1) : null;
    for (const row of rows) {
      const s = index.get(String(row.id));
      if (s === undefined) continue; // created after the numbering was read: in the next analysis
      const from = communityOf[s]!;
      // Checked by hand, not with zod: a million tuples per analysis at 1M interactions.
      for (const act of row.acts as [string, string, string, number][]) {
        const [targetId, dayKey, rel, weight] = act;
        const d = index.get(targetId);
        const type = TYPE_OF_REL.get(rel);
        if (d === undefined || type === undefined || typeof weight !== 'number') continue;
        let day = days.get(dayKey);
        if (!day) days.set(dayKey, (day = { active: [], pairs: new Map() }));
        mark(day, type, s);
        mark(day, type, d);
        const to = communityOf[d]!;
        if (from < 0 || to < 0) continue;
        const key = from * C + to;
        let w = day.pairs.get(key);
        if (!w) day.pairs.set(key, (w = new Float64Array(WINDOW_TYPES.length)));
        w[type]! += weight;
      }
    }
  }

  const rows = [...days.entries()].map(([day, d]) => {
    const keys = [...d.pairs.keys()];
    const row: Record<string, unknown> = {
      day,
      accounts: int(accounts.length),
      sources: keys.map((k) => String(communityIds[Math.floor(k / C)])),
      targets: keys.map((k) => String(communityIds[k % C])),
    };
    WINDOW_TYPES.forEach((t, k) => {
      const { active, weight } = activityKeys(t);
      // Bytes as the driver sends them (Int8Array); a day without this type stores none.
      if (d.active[k]) row[active] = new Int8Array(d.active[k].buffer);
      row[weight] = keys.map((key) => d.pairs.get(key)![k]!);
    });
    return row;
  });
  // One transaction: a windowed view never sees the old days half replaced by the new ones.
  await work.writeTx(async (tx) => {
    await tx.run(loadCypher('analysis/summaries/clear-activity-days'));
    for (let i = 0; i < rows.length; i += DAYS_PER_WRITE) {
      await tx.run(loadCypher('analysis/summaries/write-activity-days'), {
        rows: rows.slice(i, i + DAYS_PER_WRITE),
      });
    }
  }, 'analysis/summaries/activity-days');
  return rows.length;
}
