// Demo listening data: the demo hospital's identity and posts about it written by demo accounts, so
// `npm start` opens a working inbox: praise, questions, complaints that influencers repost and quote,
// a clinical-safety post, sarcasm, and a competitor with a similar name that must not match. Posts are
// dated in the last days before `now`; the older ones landed two days ago, so some are overdue. The
// demo network's own posts that name the hospital (ingest/demo/mention-texts.ts) join them in a full
// scan, and a few answered mentions a week over the last eight weeks feed the weekly view.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../queries/db.ts';
import { getIdentity, setIdentity } from '../../queries/identity.ts';
import type { IdentityInput } from '../../queries/listening/contract.ts';
import { anyMentions, demoAuthors, scanMentions, setMentionState } from '../../queries/mentions.ts';
import { setRelationship } from '../../queries/outreach/records.ts';
import { ingestFiles } from '../pipeline.ts';
import { RejectsFile } from '../rejects.ts';

const DEMO_IDENTITY: IdentityInput = {
  accounts: ['@MercyGeneral'],
  names: ['Mercy General', 'Mercy General Hospital'],
  nicknames: ['Mercy Gen'],
  physicians: ['Dr. Priya Patel', 'Dr. Luis Alvarez'],
  campuses: ['Mercy Westside'],
  hashtags: ['MercyCares'],
  exclusions: ['Mercy Medical Center', 'have mercy'],
  contacts: ['(555) 010-2000', '555-010-2000', 'patientrelations@mercygeneral.example'],
};

// [hours before now, text, amplified by (count of reposts, quotes)]
const POSTS: [number, string, number, number][] = [
  [50, 'Waited 6 hours in the @MercyGeneral ER with a broken wrist. Nobody even looked at me.', 6, 3],
  [
    47,
    'Got a $2,400 bill from Mercy General for a visit my insurance already covered. On hold for 45 minutes now.',
    3,
    2,
  ],
  [44, 'Does Mercy General take Aetna for outpatient physical therapy?', 0, 0],
  [40, 'Huge thanks to the nurses at Mercy General. You made a scary week bearable. #MercyCares', 2, 0],
  [
    30,
    'Great job Mercy General, only took 7 hours to see a doctor. Really love sitting on a plastic chair all night. 🙄',
    4,
    1,
  ],
  [
    20,
    'They gave my dad the wrong medication at Mercy General last night and now he can barely breathe.',
    1,
    1,
  ],
  [12, 'Mercy Medical Center Springfield has the best maternity ward in the state.', 0, 0],
  [9, 'Dr. Priya Patel is the first doctor who actually listened to me. Grateful.', 1, 0],
  [6, 'Is the Mercy Westside lab open before 7am for fasting blood work?', 0, 0],
  [4, 'Front desk at @MercyGeneral was so rude to my elderly father. He left in tears.', 2, 2],
  [3, 'Mercy General is hosting a free blood drive this Saturday at the main campus.', 0, 0],
  [2, 'Called Mercy General five times about my test results and nobody ever called back.', 1, 0],
];

export async function ensureDemoMentions(
  db: Db,
  log: (line: string) => void,
  now = new Date(),
): Promise<void> {
  const identity = await getIdentity(db);
  if (identity.names.length || (await anyMentions(db))) return;
  await setIdentity(db, 'demo', DEMO_IDENTITY);
  const authors = await demoAuthors(db, 80);
  if (authors.length < 40) return;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'carecircle-demo-mentions-'));
  const at = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();
  const lines: unknown[] = [
    {
      kind: 'account',
      id: 'csv:mercy-general',
      platform: 'csv',
      handle: 'MercyGeneral',
      name: 'Mercy General Hospital',
      followers: 24000,
    },
  ];
  // Amplifiers are the most followed accounts; authors come from further down the list.
  let amp = 0;
  POSTS.forEach(([hours, text, reposts, quotes], i) => {
    const author = authors[40 + (i % (authors.length - 40))]!;
    const id = `csv:demo-mention-${i + 1}`;
    const url = `https://social.example/posts/demo-mention-${i + 1}`;
    lines.push({ kind: 'post', id, platform: 'csv', author, createdAt: at(hours), text, lang: 'en', url });
    for (let k = 0; k < reposts + quotes; k++) {
      const by = authors[amp++ % 40]!;
      const type = k < reposts ? 'repost' : 'quote';
      lines.push({
        kind: 'post',
        id: `${id}-${type}-${k}`,
        platform: 'csv',
        author: by,
        createdAt: at(hours - 0.5 - k * 0.7),
        ...(type === 'quote' ? { text: 'This keeps happening. Someone should fix it.' } : {}),
        interactions: [{ type, target: author }],
      });
    }
  });
  const file = path.join(dir, 'mentions.jsonl');
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const rejects = new RejectsFile(path.join(dir, 'rejects.csv'));
  try {
    await ingestFiles(db, [file], { format: 'jsonl', batchSize: 500, dryRun: false, rejects });
  } finally {
    await rejects.close();
    rmSync(dir, { recursive: true, force: true });
  }
  // The first half landed two days ago (some are overdue now); the rest just now.
  const ids = POSTS.map((_, i) => `csv:demo-mention-${i + 1}`);
  const older = await scanMentions(db, {
    postIds: ids.slice(0, 6),
    now: new Date(now.getTime() - 48 * 3_600_000),
  });
  const newer = await scanMentions(db, { postIds: ids.slice(6), now });
  // The author of the first complaint is someone outreach already knows.
  const firstAuthor = authors[40]!;
  await setRelationship(db, 'demo', firstAuthor, { stage: 'contacted' });
  const history = await plantHistory(db, authors.slice(40), now);
  log(`demo inbox: ${older.created + newer.created + history} mentions of Mercy General planted`);
  // The demo network's own posts that name the hospital (ingest/demo/mention-texts.ts, about one per
  // ten interactions): a full scan, as `listen scan` does, so a large demo has a realistic inbox.
  const all = await scanMentions(db, { now, log });
  if (all.created) log(`demo inbox: ${all.created.toLocaleString('en-US')} more from the demo network`);
}

// The last eight weeks, already answered: what the weekly view charts.
const HISTORY: string[] = [
  'Waited 4 hours in the Mercy General ER again tonight.',
  'Mercy General billing sent my bill to collections by mistake.',
  'Parking at Mercy General is a nightmare, missed my appointment.',
  'Thank you Mercy General for the kind care for my grandma. #MercyCares',
  'Does Mercy General have evening hours for vaccines?',
  'The nurses at Mercy Westside were wonderful today.',
  'Nobody at Mercy General answers the phone about my results.',
  'Mercy General is opening a new clinic downtown.',
];

/**
 * A few mentions a week over the last eight weeks, answered and resolved by the demo team, so the
 * weekly view shows volume, sentiment and categories over time. Returns how many were planted.
 */
async function plantHistory(db: Db, authors: string[], now: Date): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'carecircle-demo-history-'));
  const posts: { id: string; at: Date }[] = [];
  const lines: unknown[] = [];
  for (let week = 1; week <= 8; week++) {
    // More complaints in the weeks the ER was busy: the chart has a shape.
    const count = 3 + ((week * 5) % 4);
    for (let k = 0; k < count; k++) {
      const i = posts.length;
      const at = new Date(now.getTime() - (week * 7 - k) * 86_400_000);
      const id = `csv:demo-history-${i + 1}`;
      posts.push({ id, at });
      lines.push({
        kind: 'post',
        id,
        platform: 'csv',
        author: authors[i % authors.length],
        createdAt: at.toISOString(),
        text: HISTORY[(i * 3 + week) % HISTORY.length],
        lang: 'en',
        url: `https://social.example/posts/demo-history-${i + 1}`,
      });
    }
  }
  const file = path.join(dir, 'history.jsonl');
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const rejects = new RejectsFile(path.join(dir, 'rejects.csv'));
  try {
    await ingestFiles(db, [file], { format: 'jsonl', batchSize: 500, dryRun: false, rejects });
  } finally {
    await rejects.close();
    rmSync(dir, { recursive: true, force: true });
  }
  let created = 0;
  for (const p of posts) {
    created += (await scanMentions(db, { postIds: [p.id], now: p.at })).created;
    await setMentionState(db, 'demo', p.id, { state: 'resolved' }, new Date(p.at.getTime() + 3_600_000));
  }
  return created;
}
