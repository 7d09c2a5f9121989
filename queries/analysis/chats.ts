// Hashtag chats from post timestamps: a tag whose posts come in bursts at a recurring weekday and
// hour (weekly, fortnightly or monthly such as "first Tuesday"), ideally with a host posting numbered
// questions (Q1, Q2 …) and people answering (A1, A2 …). Pure: posts in, chats out; the analysis
// phase (chats-phase.ts) reads the posts and writes the result.
//
// Time zones: a chat keeps a wall-clock time in one IANA zone, so its sessions start at the same
// local hour on both sides of a daylight-saving change, while in any other zone they jump by an hour.
// Each candidate zone is tried and the one where the sessions line up best wins. Zones that change
// their clocks on the same dates (all US zones) cannot be told apart that way; the tie goes to the
// first in CANDIDATE_ZONES, and the evidence says which other zones fit as well.
import { DateTime } from 'luxon';
import { z } from 'zod';

/** Whole-hour zones only: a session is found by local hour, and half-hour zones would split one. */
const CANDIDATE_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'Europe/London',
  'Europe/Berlin',
  'Australia/Sydney',
  'Asia/Tokyo',
  'UTC',
] as const;

export const Cadence = z.enum(['weekly', 'fortnightly', 'monthly']);
export type Cadence = z.infer<typeof Cadence>;

export interface ChatPost {
  /** Epoch milliseconds. */
  t: number;
  author: string;
  handle?: string | null | undefined;
  text?: string | null | undefined;
}

export interface TagPosts {
  tag: string;
  posts: ChatPost[];
}

export const ChatSession = z.object({
  /** The session's start hour as an instant (ISO, UTC). */
  start: z.string(),
  posts: z.number().int(),
  people: z.number().int(),
});
export type ChatSession = z.infer<typeof ChatSession>;

export interface Attendee {
  id: string;
  handle: string | null;
  /** Sessions attended, all time. */
  sessions: number;
  /** Of the last six sessions. */
  lastSix: number;
  /** ISO start of the first session attended. */
  first: string;
  regular: boolean;
  newcomer: boolean;
}

export interface DetectedChat {
  tag: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday, in `zone`. */
  weekday: number;
  hour: number;
  zone: string;
  cadence: Cadence;
  /** Monthly chats: which weekday of the month (1-4, or -1 for the last). */
  ordinal: number | null;
  durationMinutes: number;
  status: 'active' | 'stopped';
  confidence: number;
  evidence: string;
  /** Zones other than `zone` in which the sessions line up just as well (same clock changes). */
  alsoFits: string[];
  moved: { weekday: number; hour: number; until: string } | null;
  hosts: { id: string; handle: string | null; sessions: number }[];
  questions: { from: number; to: number } | null;
  sessions: ChatSession[];
  attendees: Attendee[];
  attended: number;
  expected: number;
}

interface DetectOptions {
  /** "Now" for the data: a chat with no session in the last three expected slots has stopped. Default: the newest post. */
  asOf?: number;
  zones?: readonly string[];
  /** Fewest sessions at one slot to call it a chat (monthly chats need one fewer). */
  minSessions?: number;
  /** Fewest posts in an hour to call it a session. */
  minSessionPosts?: number;
  minConfidence?: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEKDAYS = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];
const ORDINALS: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };
const QUESTION = /(?:^|[\s(])Q(\d{1,2})\s*[:.)-]/i;
const ANSWER = /(?:^|[\s(])A(\d{1,2})\s*[:.)-]/i;
const MAX_ATTENDEES = 300;

/** Where one UTC hour falls in a zone; cached per zone, since every tag asks about the same hours. */
interface LocalHour {
  /** Days since the epoch of the local date (a calendar count, not a duration). */
  day: number;
  weekday: number;
  hour: number;
  dayOfMonth: number;
  daysInMonth: number;
}

class ZoneClock {
  private readonly cache = new Map<number, LocalHour>();
  constructor(readonly zone: string) {}
  at(hourIndex: number): LocalHour {
    let l = this.cache.get(hourIndex);
    if (!l) {
      const d = DateTime.fromMillis(hourIndex * HOUR, { zone: this.zone });
      l = {
        day: Math.round(Date.UTC(d.year, d.month - 1, d.day) / DAY),
        weekday: d.weekday,
        hour: d.hour,
        dayOfMonth: d.day,
        daysInMonth: d.daysInMonth ?? 30,
      };
      this.cache.set(hourIndex, l);
    }
    return l;
  }
}

interface Session {
  day: number;
  weekday: number;
  hour: number;
  dayOfMonth: number;
  daysInMonth: number;
  /** UTC hour indexes the session covers (one or two). */
  hours: number[];
  posts: number;
}

interface Slot {
  weekday: number;
  hour: number;
  sessions: Session[];
}

interface ZoneFit {
  zone: string;
  score: number;
  chain: Slot[];
  sessions: Session[];
}

export function detectChats(tags: TagPosts[], opts: DetectOptions = {}): DetectedChat[] {
  let asOf = opts.asOf ?? 0;
  if (opts.asOf === undefined) for (const t of tags) for (const p of t.posts) if (p.t > asOf) asOf = p.t;
  const detector = new ChatDetector({ ...opts, asOf });
  for (const t of tags) detector.add(t);
  return detector.results();
}

/** Tag by tag, so a caller reading the graph in pages holds one tag's posts at a time. */
export class ChatDetector {
  private readonly zones: ZoneClock[];
  private readonly found: (DetectedChat & { share: number })[] = [];
  constructor(private readonly opts: DetectOptions & { asOf: number }) {
    this.zones = (opts.zones ?? CANDIDATE_ZONES).map((z) => new ZoneClock(z));
  }
  add(t: TagPosts): DetectedChat | null {
    const chat = detectOne(t, this.zones, this.opts.asOf, this.opts);
    if (chat) this.found.push(chat);
    return chat;
  }
  results(): DetectedChat[] {
    return dropEchoes(this.found);
  }
}

function detectOne(
  t: TagPosts,
  zones: ZoneClock[],
  asOf: number,
  opts: DetectOptions,
): (DetectedChat & { share: number }) | null {
  const minSessions = opts.minSessions ?? 4;
  if (t.posts.length < (opts.minSessionPosts ?? 6) * (minSessions - 1)) return null;
  const byHour = new Map<number, number[]>();
  t.posts.forEach((p, i) => {
    const h = Math.floor(p.t / HOUR);
    let list = byHour.get(h);
    if (!list) byHour.set(h, (list = []));
    list.push(i);
  });

  const fits: ZoneFit[] = [];
  for (const clock of zones) {
    const sessions = findSessions(byHour, clock, t.posts, opts.minSessionPosts ?? 6);
    const slots = groupSlots(sessions);
    const chain = bestChain(slots, minSessions - 1);
    if (!chain.length) continue;
    const n = chain.reduce((s, c) => s + c.sessions.length, 0);
    // Every change of slot costs a little, so the zone in which the chat never "moved" wins.
    fits.push({ zone: clock.zone, score: n - 0.5 * (chain.length - 1), chain, sessions });
  }
  if (!fits.length) return null;
  const best = fits.reduce((a, b) => (b.score > a.score ? b : a));
  const alsoFits = fits.filter((f) => f !== best && f.score === best.score).map((f) => f.zone);
  const chained = best.chain.flatMap((s) => s.sessions).sort((a, b) => a.day - b.day);
  const current = best.chain[best.chain.length - 1]!;
  const cad = cadenceOf(chained);
  if (chained.length < (cad.cadence === 'monthly' ? minSessions - 1 : minSessions)) return null;

  const expectedAll = expectedBetween(chained[0]!, chained[chained.length - 1]!, cad);
  const lastN = lastExpected(chained, cad, 12);
  const reg = lastN.attended / lastN.expected;
  const missedSince = missedSinceLast(chained[chained.length - 1]!, cad, asOf);
  const status = missedSince >= 3 ? 'stopped' : 'active';

  // People and questions, session by session.
  const perSession = chained.map((s) => {
    const idx = s.hours.flatMap((h) => byHour.get(h) ?? []);
    const authors = new Map<string, string | null>();
    const askers = new Map<string, Set<number>>();
    let answers = 0;
    for (const i of idx) {
      const p = t.posts[i]!;
      authors.set(p.author, p.handle ?? null);
      const text = p.text ?? '';
      const q = QUESTION.exec(text);
      if (q) {
        let set = askers.get(p.author);
        if (!set) askers.set(p.author, (set = new Set()));
        set.add(Number(q[1]));
      } else if (ANSWER.test(text)) answers++;
    }
    return { session: s, idx, authors, askers, answers };
  });
  const sessionsWithQuestions = perSession.filter((s) => s.askers.size > 0).length;
  const hostCount = new Map<string, number>();
  for (const s of perSession) for (const a of s.askers.keys()) hostCount.set(a, (hostCount.get(a) ?? 0) + 1);
  const handles = new Map<string, string | null>();
  for (const s of perSession) for (const [a, h] of s.authors) if (h || !handles.has(a)) handles.set(a, h);
  const hosts = [...hostCount.entries()]
    .filter(([, n]) => n >= Math.max(2, Math.ceil(sessionsWithQuestions * 0.3)))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([id, sessions]) => ({ id, handle: handles.get(id) ?? null, sessions }));
  const hostIds = new Set(hosts.map((h) => h.id));
  let questions: { from: number; to: number } | null = null;
  for (let k = perSession.length - 1; k >= 0 && !questions; k--) {
    const nums = [...perSession[k]!.askers.entries()]
      .filter(([a]) => hostIds.has(a))
      .flatMap(([, s]) => [...s]);
    if (nums.length) questions = { from: Math.min(...nums), to: Math.max(...nums) };
  }
  const q = hosts.length ? sessionsWithQuestions / chained.length : 0;
  const a = perSession.filter((s) => s.answers >= 2).length / chained.length;
  const timing = reg * Math.min(1, chained.length / 6);
  const confidence = Math.round((0.5 * timing + 0.3 * q + 0.2 * a) * 100) / 100;
  if (timing < 0.5 || confidence < (opts.minConfidence ?? 0.4)) return null;
  // Where posts carry text, a burst without numbered questions or answers is a newsletter or a
  // weekly campaign, not a conversation; without any text, timing is all there is to go on.
  const hasText = t.posts.some((p) => !!p.text);
  if (hasText && q === 0 && a === 0) return null;

  const isoStart = (s: Session) => new Date(s.hours[0]! * HOUR).toISOString();
  const sessions = perSession.map((s) => ({
    start: isoStart(s.session),
    posts: s.idx.length,
    people: s.authors.size,
  }));
  const attendees = attendance(perSession, handles, isoStart);

  const moved =
    best.chain.length > 1
      ? (() => {
          const prev = best.chain[best.chain.length - 2]!;
          const last = prev.sessions[prev.sessions.length - 1]!;
          return { weekday: prev.weekday, hour: prev.hour, until: isoStart(last) };
        })()
      : null;
  const chat: DetectedChat & { share: number } = {
    tag: t.tag,
    weekday: current.weekday,
    hour: current.hour,
    zone: best.zone,
    cadence: cad.cadence,
    ordinal: cad.ordinal,
    durationMinutes: chained.some((s) => s.hours.length > 1) ? 120 : 60,
    status,
    confidence,
    evidence: '',
    alsoFits,
    moved,
    hosts,
    questions,
    sessions,
    attendees,
    attended: chained.length,
    expected: expectedAll,
    share: perSession.reduce((s, p) => s + p.idx.length, 0) / t.posts.length,
  };
  chat.evidence = evidence(chat, lastN, asOf);
  return chat;
}

/**
 * Hours far busier than the same hour of the day usually is for this tag. The baseline is the median
 * over the tag's active days (robust to the chat itself, which fills one day in seven at most), so a
 * tag that is simply busy, or busy every lunchtime, has no bursts.
 */
function findSessions(
  byHour: Map<number, number[]>,
  clock: ZoneClock,
  posts: ChatPost[],
  minPosts: number,
): Session[] {
  const hours = [...byHour.keys()].sort((a, b) => a - b);
  if (!hours.length) return [];
  const firstDay = clock.at(hours[0]!).day;
  const lastDay = clock.at(hours[hours.length - 1]!).day;
  const days = lastDay - firstDay + 1;
  const perHourOfDay: number[][] = Array.from({ length: 24 }, () => []);
  for (const h of hours) perHourOfDay[clock.at(h).hour]!.push(byHour.get(h)!.length);
  const threshold = perHourOfDay.map((counts) => {
    const sorted = [...counts].sort((a, b) => a - b);
    const zeros = Math.max(0, days - sorted.length);
    const mid = Math.floor(days / 2);
    const median = mid < zeros ? 0 : (sorted[mid - zeros] ?? 0);
    return Math.max(minPosts, Math.ceil(3 * median + 3 * Math.sqrt(median) + 1));
  });
  const burst = (h: number) => {
    const list = byHour.get(h);
    if (!list || list.length < threshold[clock.at(h).hour]!) return false;
    const authors = new Set<string>();
    for (const i of list) authors.add(posts[i]!.author);
    return authors.size >= 3;
  };
  const out: Session[] = [];
  for (let k = 0; k < hours.length; k++) {
    const h = hours[k]!;
    if (!burst(h)) continue;
    const l = clock.at(h);
    const s: Session = {
      day: l.day,
      weekday: l.weekday,
      hour: l.hour,
      dayOfMonth: l.dayOfMonth,
      daysInMonth: l.daysInMonth,
      hours: [h],
      posts: byHour.get(h)!.length,
    };
    // A chat that runs over into the next hour is one session, started at its first hour.
    if (hours[k + 1] === h + 1 && burst(h + 1)) {
      s.hours.push(h + 1);
      s.posts += byHour.get(h + 1)!.length;
      k++;
    }
    out.push(s);
  }
  return out;
}

function groupSlots(sessions: Session[]): Slot[] {
  const slots = new Map<number, Slot>();
  for (const s of sessions) {
    const key = s.weekday * 24 + s.hour;
    let slot = slots.get(key);
    if (!slot) slots.set(key, (slot = { weekday: s.weekday, hour: s.hour, sessions: [] }));
    slot.sessions.push(s);
  }
  return [...slots.values()];
}

/**
 * The busiest slot, extended by slots that took over from it (a chat that moved its hour or day):
 * each holds enough sessions, lies wholly before or after the chain, and starts within eight weeks of
 * where the chain ends. Slots that overlap the chain in time are noise or another event.
 */
function bestChain(slots: Slot[], minSessions: number): Slot[] {
  const usable = slots
    .filter((s) => s.sessions.length >= minSessions)
    .sort((a, b) => b.sessions.length - a.sessions.length || a.weekday - b.weekday || a.hour - b.hour);
  if (!usable.length) return [];
  const chain = [usable[0]!];
  const first = (s: Slot) => s.sessions[0]!.day;
  const last = (s: Slot) => s.sessions[s.sessions.length - 1]!.day;
  for (const cand of usable.slice(1)) {
    const start = first(chain[0]!);
    const end = last(chain[chain.length - 1]!);
    if (first(cand) > end && first(cand) - end <= 56) chain.push(cand);
    else if (last(cand) < start && start - last(cand) <= 56) chain.unshift(cand);
  }
  return chain;
}

interface CadenceFit {
  cadence: Cadence;
  ordinal: number | null;
}

function ordinalOf(s: { dayOfMonth: number; daysInMonth: number }): { nth: number; last: boolean } {
  return { nth: Math.ceil(s.dayOfMonth / 7), last: s.dayOfMonth + 7 > s.daysInMonth };
}

function cadenceOf(sessions: Session[]): CadenceFit {
  const gaps: number[] = [];
  for (let i = 1; i < sessions.length; i++)
    gaps.push(Math.round((sessions[i]!.day - sessions[i - 1]!.day) / 7));
  const sortedGaps = [...gaps].sort((a, b) => a - b);
  const medianGap = sortedGaps[Math.floor(sortedGaps.length / 2)] ?? 1;
  if (medianGap >= 4) {
    const counts = new Map<number, number>();
    for (const s of sessions) {
      const o = ordinalOf(s);
      counts.set(o.nth, (counts.get(o.nth) ?? 0) + 1);
      if (o.last) counts.set(-1, (counts.get(-1) ?? 0) + 1);
    }
    // A fourth Tuesday is often also the last one: the numbered ordinal wins a tie.
    const [ordinal, n] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    if (n >= 0.8 * sessions.length) return { cadence: 'monthly', ordinal };
  }
  if (medianGap >= 2 && gaps.filter((g) => g % 2 === 0).length >= 0.8 * gaps.length) {
    return { cadence: 'fortnightly', ordinal: null };
  }
  return { cadence: 'weekly', ordinal: null };
}

/** Occurrences the schedule expects from one session to another, both included. */
function expectedBetween(a: Session, b: Session, cad: CadenceFit): number {
  if (cad.cadence === 'weekly') return Math.round((b.day - a.day) / 7) + 1;
  if (cad.cadence === 'fortnightly') return Math.round((b.day - a.day) / 14) + 1;
  const da = new Date(a.day * DAY);
  const db = new Date(b.day * DAY);
  return (db.getUTCFullYear() - da.getUTCFullYear()) * 12 + db.getUTCMonth() - da.getUTCMonth() + 1;
}

/** Of the last (up to) `n` expected occurrences ending at the last session, how many had one. */
function lastExpected(
  sessions: Session[],
  cad: CadenceFit,
  n: number,
): { attended: number; expected: number } {
  const last = sessions[sessions.length - 1]!;
  let attended = 0;
  for (let k = sessions.length - 1; k >= 0; k--) {
    if (expectedBetween(sessions[k]!, last, cad) > n) break;
    attended++;
  }
  // The window reaches back n occurrences even when the oldest of them had no session.
  const total = expectedBetween(sessions[0]!, last, cad);
  return { attended, expected: Math.min(n, total) };
}

function missedSinceLast(last: Session, cad: CadenceFit, asOf: number): number {
  const period = cad.cadence === 'weekly' ? 7 : cad.cadence === 'fortnightly' ? 14 : 30.5;
  const lastAt = last.hours[0]! * HOUR;
  return Math.floor((asOf - lastAt) / (period * DAY) + 0.1);
}

function attendance(
  perSession: { session: Session; authors: Map<string, string | null> }[],
  handles: Map<string, string | null>,
  isoStart: (s: Session) => string,
): Attendee[] {
  const n = perSession.length;
  const stats = new Map<string, { sessions: number; lastSix: number; firstIdx: number }>();
  perSession.forEach((s, k) => {
    for (const a of s.authors.keys()) {
      let st = stats.get(a);
      if (!st) stats.set(a, (st = { sessions: 0, lastSix: 0, firstIdx: k }));
      st.sessions++;
      if (k >= n - 6) st.lastSix++;
    }
  });
  return [...stats.entries()]
    .map(([id, st]) => {
      const regular = st.lastSix >= 3;
      return {
        id,
        handle: handles.get(id) ?? null,
        sessions: st.sessions,
        lastSix: st.lastSix,
        first: isoStart(perSession[st.firstIdx]!.session),
        regular,
        newcomer: !regular && st.firstIdx >= n - 2,
      };
    })
    .sort((a, b) => b.sessions - a.sessions || a.id.localeCompare(b.id))
    .slice(0, MAX_ATTENDEES);
}

/** "11 of the last 12 Mondays, 21:00–22:00 America/New_York; host @…, questions Q1–Q6". */
function evidence(c: DetectedChat, lastN: { attended: number; expected: number }, asOf: number): string {
  const day = WEEKDAYS[c.weekday - 1]!;
  const hh = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  const when =
    c.cadence === 'monthly'
      ? `${ORDINALS[c.ordinal ?? 1]} ${day.slice(0, -1)} of the month `
      : c.cadence === 'fortnightly'
        ? `every other ${day.slice(0, -1)} `
        : '';
  const unit = c.cadence === 'monthly' ? 'months' : c.cadence === 'fortnightly' ? 'fortnights' : day;
  const parts = [
    `${lastN.attended} of the last ${lastN.expected} ${unit}, ${when}${hh(c.hour)}–${hh(c.hour + c.durationMinutes / 60)} ${c.zone}`,
  ];
  if (c.hosts.length) parts.push(`host ${c.hosts.map((h) => `@${h.handle ?? h.id}`).join(', ')}`);
  if (c.questions) parts.push(`questions Q${c.questions.from}–Q${c.questions.to}`);
  if (c.moved) {
    const was =
      c.moved.weekday === c.weekday
        ? hh(c.moved.hour)
        : `${WEEKDAYS[c.moved.weekday - 1]} ${hh(c.moved.hour)}`;
    parts.push(`moved from ${was} after ${c.moved.until.slice(0, 10)}`);
  }
  if (c.status === 'stopped') {
    const last = c.sessions[c.sessions.length - 1]!.start.slice(0, 10);
    parts.push(`stopped: no session since ${last} (data up to ${new Date(asOf).toISOString().slice(0, 10)})`);
  }
  if (c.alsoFits.length) parts.push(`${c.alsoFits.join(', ')} would fit the same hours (same clock changes)`);
  return parts.join('; ');
}

/**
 * A chat's posts often carry a second, busier tag too; that tag then shows the same sessions. Of
 * chats sharing most session starts, the one whose posts are mostly chat sessions is the chat.
 */
function dropEchoes(chats: (DetectedChat & { share: number })[]): DetectedChat[] {
  const sorted = [...chats].sort((a, b) => b.share - a.share || a.tag.localeCompare(b.tag));
  const kept: (DetectedChat & { share: number })[] = [];
  for (const c of sorted) {
    const starts = new Set(c.sessions.map((s) => s.start));
    const people = new Set(c.attendees.map((a) => a.id));
    // Two chats can meet at the same instant in different places; an echo also has the same people.
    const echo = kept.some((k) => {
      const shared = k.sessions.filter((s) => starts.has(s.start)).length;
      const both = k.attendees.filter((a) => people.has(a.id)).length;
      return (
        shared >= 0.5 * Math.min(k.sessions.length, c.sessions.length) &&
        both >= 0.5 * Math.min(k.attendees.length, c.attendees.length)
      );
    });
    if (!echo) kept.push(c);
  }
  return kept
    .map(({ share: _share, ...c }) => c)
    .sort((a, b) => b.confidence - a.confidence || a.tag.localeCompare(b.tag));
}

/** The next `count` occurrences after `from` (epoch ms), as ISO instants, counted on from the last session. */
export function nextOccurrences(
  c: Pick<DetectedChat, 'hour' | 'zone' | 'cadence' | 'ordinal' | 'sessions'>,
  from: number,
  count = 1,
): string[] {
  const last = c.sessions[c.sessions.length - 1];
  if (!last) return [];
  const anchor = DateTime.fromISO(last.start, { zone: c.zone }).set({
    hour: c.hour,
    minute: 0,
    second: 0,
    millisecond: 0,
  });
  const out: string[] = [];
  // Week by week from the last session (luxon keeps the wall-clock hour across clock changes);
  // bounded at about ten years so a long-stopped chat cannot loop for ever.
  for (let k = 1; k < 600 && out.length < count; k++) {
    const d = anchor.plus({ weeks: k });
    const fits =
      c.cadence === 'weekly' ||
      (c.cadence === 'fortnightly' && k % 2 === 0) ||
      (c.cadence === 'monthly' &&
        (c.ordinal === -1 ? d.day + 7 > (d.daysInMonth ?? 30) : Math.ceil(d.day / 7) === c.ordinal));
    if (fits && d.toMillis() > from) out.push(d.toUTC().toISO({ suppressMilliseconds: true })!);
  }
  return out;
}
