// What a user would compare between two loads: the stats, and a checksum over every account, post,
// hashtag, relationship and derived weight, so "same state" means the same graph, not the same counts.
import { createHash } from 'node:crypto';
import type { Db } from '../../../queries/db.ts';
import { readStats } from '../../../queries/social-graph.ts';
import type { Stats } from '../../../queries/model.ts';

export async function graphState(db: Db): Promise<{ stats: Stats; checksum: string }> {
  const rows = await db.read(
    `CALL () {
       MATCH (a:Account)
       RETURN 'A|' + a.id + '|' + coalesce(a.handle, '') + '|' + coalesce(a.name, '') + '|' +
              coalesce(toString(a.followers), '') + '|' + coalesce(a.location, '') AS line
       UNION ALL
       MATCH (a:Account)-[:POSTED]->(p:Post)
       RETURN 'P|' + a.id + '|' + p.id + '|' + coalesce(p.createdAt, '') + '|' + coalesce(p.text, '') AS line
       UNION ALL
       MATCH (p:Post)-[r]->(x)
       WHERE type(r) IN ['TAGGED', 'MENTIONS', 'REPLIES_TO', 'REPOSTS', 'QUOTES']
       RETURN 'R|' + p.id + '|' + type(r) + '|' + coalesce(x.id, x.tag) + '|' + coalesce(toString(r.weight), '') AS line
       UNION ALL
       MATCH (a:Account)-[r:FOLLOWS]->(b:Account)
       RETURN 'F|' + a.id + '|' + b.id AS line
       UNION ALL
       MATCH (a:Account)-[i:INTERACTS]->(b:Account)
       RETURN 'I|' + a.id + '|' + b.id + '|' + toString(i.mention) + '|' + toString(i.reply) + '|' +
              toString(i.repost) + '|' + toString(i.quote) + '|' + toString(i.follow) + '|' + toString(i.total) AS line
       UNION ALL
       MATCH (a:Account)-[u:USED]->(h:Hashtag)
       RETURN 'U|' + a.id + '|' + h.tag + '|' + toString(u.count) AS line
     }
     RETURN line ORDER BY line`,
  );
  const hash = createHash('sha256');
  for (const r of rows) hash.update(String(r.line) + '\n');
  return { stats: await readStats(db), checksum: hash.digest('hex') };
}

/** INTERACTS must always equal what the post relationships and follows say (the derived data contract). */
export async function derivedMismatches(db: Db): Promise<number> {
  const [row] = await db.read(
    `CALL () {
       MATCH (a:Account)-[:POSTED]->(:Post)-[r:MENTIONS|REPLIES_TO|REPOSTS|QUOTES]->(b:Account)
       RETURN a, b, type(r) AS t, r.weight AS w
       UNION ALL
       MATCH (a:Account)-[:FOLLOWS]->(b:Account)
       RETURN a, b, 'FOLLOWS' AS t, 1 AS w
     }
     WITH a, b,
       sum(CASE t WHEN 'MENTIONS' THEN w ELSE 0 END) AS mention,
       sum(CASE t WHEN 'REPLIES_TO' THEN w ELSE 0 END) AS reply,
       sum(CASE t WHEN 'REPOSTS' THEN w ELSE 0 END) AS repost,
       sum(CASE t WHEN 'QUOTES' THEN w ELSE 0 END) AS quote,
       sum(CASE t WHEN 'FOLLOWS' THEN w ELSE 0 END) AS follow
     OPTIONAL MATCH (a)-[i:INTERACTS]->(b)
     WITH count(*) AS pairs,
       sum(CASE WHEN i IS NULL OR i.mention <> mention OR i.reply <> reply OR i.repost <> repost
                  OR i.quote <> quote OR i.follow <> follow
                  OR i.total <> mention + reply + repost + quote + follow THEN 1 ELSE 0 END) AS bad
     CALL () { MATCH ()-[i:INTERACTS]->() RETURN count(i) AS stored }
     CALL () {
       MATCH (a:Account)-[u:USED]->(h:Hashtag)
       OPTIONAL MATCH (a)-[:POSTED]->(p:Post)-[:TAGGED]->(h)
       WITH u, count(p) AS n WHERE n <> u.count
       RETURN count(*) AS badUsed
     }
     RETURN bad + abs(stored - pairs) + badUsed AS mismatches`,
  );
  return Number(row?.mismatches);
}
