// The `chats` phase of an analysis run: reads the posts of each busy enough hashtag in pages, one tag
// at a time, runs the detection (chats.ts) and rebuilds the Chat nodes with their hosts and attendees.
import { loadCypher } from '../cypher.ts';
import { int, type Db } from '../db.ts';
import { specialtiesFor } from '../taxonomy/specialties.ts';
import { ChatDetector, type ChatPost, type DetectedChat } from './chats.ts';

/** Fewer posts than this cannot hold four sessions of six posts. */
const MIN_TAG_POSTS = 24;
const MAX_TAGS = 5_000;
const PAGE = 20_000;
/** A tag with more posts than this is read only this far (in id order): no chat is that big. */
const MAX_TAG_POSTS = 400_000;
const WRITE_BATCH = 20;

interface ChatPhaseResult {
  chats: DetectedChat[];
  tagsRead: number;
  postsRead: number;
}

export async function detectAndWriteChats(
  db: Db,
  opts: { runId: string; at: string; onTag?: (done: number, total: number) => void },
): Promise<ChatPhaseResult> {
  const tags = (
    await db.read(loadCypher('chats/candidate-tags'), { minPosts: int(MIN_TAG_POSTS), limit: int(MAX_TAGS) })
  ).map((r) => String(r.tag));
  const [latest] = tags.length ? await db.read(loadCypher('chats/latest-post'), { tags }) : [];
  const asOf = latest?.latest ? Date.parse(String(latest.latest)) : Date.now();
  const detector = new ChatDetector({ asOf });
  let postsRead = 0;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    const posts: ChatPost[] = [];
    let after: string | null = null;
    while (posts.length < MAX_TAG_POSTS) {
      const rows = await db.read(loadCypher('chats/tag-posts'), { tag, after, limit: int(PAGE) });
      for (const r of rows) {
        const t = Date.parse(String(r.at));
        if (Number.isNaN(t)) continue;
        posts.push({
          t,
          author: String(r.author),
          handle: (r.handle as string | null) ?? null,
          text: (r.text as string | null) ?? null,
        });
      }
      if (rows.length < PAGE) break;
      after = String(rows[rows.length - 1]!.id);
    }
    postsRead += posts.length;
    detector.add({ tag, posts });
    opts.onTag?.(i + 1, tags.length);
  }
  const chats = detector.results();
  await db.write(loadCypher('chats/clear'));
  for (let k = 0; k < chats.length; k += WRITE_BATCH) {
    await db.write(loadCypher('chats/write-chats'), {
      runId: opts.runId,
      at: opts.at,
      chats: chats.slice(k, k + WRITE_BATCH).map(toRow),
    });
  }
  if (chats.length) await db.write(loadCypher('chats/add-specialties'));
  return { chats, tagsRead: tags.length, postsRead };
}

function toRow(c: DetectedChat) {
  return {
    tag: c.tag,
    weekday: int(c.weekday),
    hour: int(c.hour),
    zone: c.zone,
    cadence: c.cadence,
    ordinal: c.ordinal === null ? null : int(c.ordinal),
    durationMinutes: int(c.durationMinutes),
    status: c.status,
    confidence: c.confidence,
    evidence: c.evidence,
    alsoFits: c.alsoFits,
    movedWeekday: c.moved ? int(c.moved.weekday) : null,
    movedHour: c.moved ? int(c.moved.hour) : null,
    movedUntil: c.moved?.until ?? null,
    questionsFrom: c.questions ? int(c.questions.from) : null,
    questionsTo: c.questions ? int(c.questions.to) : null,
    attended: int(c.attended),
    expected: int(c.expected),
    sessionStarts: c.sessions.map((s) => s.start),
    sessionPosts: c.sessions.map((s) => int(s.posts)),
    sessionPeople: c.sessions.map((s) => int(s.people)),
    specialties: specialtiesFor([{ tag: c.tag, count: 1 }], null),
    hosts: c.hosts.map((h) => ({ id: h.id, sessions: int(h.sessions) })),
    attendees: c.attendees.map((a) => ({
      id: a.id,
      sessions: int(a.sessions),
      lastSix: int(a.lastSix),
      first: a.first,
      regular: a.regular,
      newcomer: a.newcomer,
    })),
  };
}
