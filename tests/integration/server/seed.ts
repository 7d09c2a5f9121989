// A small social graph in the shape of queries/README.md, written directly with Cypher:
// two communities (#t1d around x:1, #bcsm around x:5) joined by x:4, plus an isolated x:9.
//
//   x:2 ─▶ x:1 ◀─ x:3        x:6 ─▶ x:5 ◀─ x:7
//           │ ╲                 ▲
//           ▼  ╲──▶ x:4 ────────┘              x:9
import { writeSummaries } from '../../../queries/analysis/summaries.ts';
import type { Db } from '../../../queries/db.ts';

const ACCOUNTS = [
  {
    id: 'x:1',
    handle: 'T1DAdvocate',
    name: 'Ana Rivera',
    community: 0,
    score: 0.9,
    pagerank: 0.21,
    followers: 12000,
  },
  { id: 'x:2', handle: 'pumpmom', name: 'Beth K', community: 0, score: 0.4, pagerank: 0.08, followers: 800 },
  { id: 'x:3', handle: 'cgm_dad', name: 'Carl D', community: 0, score: 0.35, pagerank: 0.07, followers: 640 },
  {
    id: 'x:4',
    handle: 'bridgeRN',
    name: 'Dana Lee',
    community: 0,
    score: 0.6,
    pagerank: 0.12,
    followers: 3000,
  },
  {
    id: 'x:5',
    handle: 'bcsm_onc',
    name: 'Dr Eve Moss',
    community: 1,
    score: 0.8,
    pagerank: 0.19,
    followers: 9000,
  },
  {
    id: 'x:6',
    handle: 'pinkwarrior',
    name: 'Fay Ng',
    community: 1,
    score: 0.3,
    pagerank: 0.06,
    followers: 500,
  },
  {
    id: 'x:7',
    handle: 'survivor_gil',
    name: 'Gil P',
    community: 1,
    score: 0.25,
    pagerank: 0.05,
    followers: 450,
  },
  { id: 'x:9', handle: 'quiet', name: 'Quiet One', community: 2, score: 0.01, pagerank: 0.01, followers: 3 },
];

const INTERACTIONS: [string, string, number][] = [
  ['x:2', 'x:1', 5],
  ['x:3', 'x:1', 3],
  ['x:1', 'x:4', 2],
  ['x:1', 'x:3', 1],
  ['x:4', 'x:5', 4],
  ['x:6', 'x:5', 6],
  ['x:7', 'x:5', 2],
];

// Posts: [id, author, createdAt, tags]
const POSTS: [string, string, string, string[]][] = [
  ['x:p1', 'x:1', '2025-01-01T10:00:00Z', ['t1d', 'diabetes']],
  ['x:p2', 'x:1', '2025-01-02T10:00:00Z', ['t1d', 'insulin4all']],
  ['x:p3', 'x:1', '2025-01-03T10:00:00Z', ['t1d', 'diabetes']],
  ['x:p4', 'x:2', '2025-01-04T10:00:00Z', ['t1d']],
  ['x:p5', 'x:5', '2025-01-05T10:00:00Z', ['bcsm', 'oncology']],
  ['x:p6', 'x:6', '2025-01-06T10:00:00Z', ['bcsm']],
  ['x:p7', 'x:4', '2025-01-07T10:00:00Z', ['t1d', 'bcsm']],
];

export async function seedGraph(db: Db): Promise<void> {
  await db.write(
    `UNWIND $accounts AS a
     CREATE (:Account {id: a.id, platform: 'x', handle: a.handle, handleLower: toLower(a.handle), name: a.name,
                       community: toInteger(a.community), score: a.score, pagerank: a.pagerank, followers: a.followers,
                       bio: 'bio of ' + a.handle, specialties: CASE a.community WHEN 0 THEN ['diabetes'] ELSE [] END})`,
    { accounts: ACCOUNTS },
  );
  await db.write(
    `UNWIND $rows AS r
     MATCH (s:Account {id: r[0]}), (t:Account {id: r[1]})
     CREATE (s)-[:INTERACTS {mention: toInteger(r[2]), reply: 0, repost: 0, quote: 0, follow: 0, total: toInteger(r[2])}]->(t)`,
    { rows: INTERACTIONS },
  );
  await db.write(
    `UNWIND $posts AS p
     MATCH (a:Account {id: p[0][1]})
     CREATE (a)-[:POSTED]->(post:Post {id: p[0][0], platform: 'x', createdAt: p[0][2], text: 'post ' + p[0][0]})
     WITH a, post, p
     UNWIND p[1] AS tag
     MERGE (h:Hashtag {tag: tag})
     CREATE (post)-[:TAGGED]->(h)
     MERGE (a)-[u:USED]->(h) ON CREATE SET u.count = 0
     SET u.count = u.count + 1`,
    { posts: POSTS.map(([id, author, at, tags]) => [[id, author, at], tags]) },
  );
  await db.write(
    `CREATE (:Community {id: 0, size: 4, label: '#t1d', topHashtags: ['t1d'], topAccounts: ['x:1'], modularity: 0.4, runId: 'test'}),
            (:Community {id: 1, size: 3, label: '#bcsm', topHashtags: ['bcsm'], topAccounts: ['x:5'], modularity: 0.4, runId: 'test'}),
            (:Community {id: 2, size: 1, label: 'quiet', topHashtags: [], topAccounts: ['x:9'], modularity: 0.4, runId: 'test'})`,
  );
  // What analysis stores for the read paths (community links, hashtag counts, ranks, reasons), here
  // derived from the graph just written, as `analyze` does after its own writes.
  await writeSummaries(db);
}
