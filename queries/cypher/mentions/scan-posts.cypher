// The posts a collector or an ingest batch just wrote, with what matching needs.
UNWIND $ids AS pid
MATCH (p:Post {id: pid})
OPTIONAL MATCH (a:Account)-[:POSTED]->(p)
RETURN p.id AS id, p.platform AS platform, p.text AS text, p.lang AS lang, p.url AS url,
       p.createdAt AS createdAt, a.id AS authorId,
       [(p)-[:TAGGED]->(h:Hashtag) | h.tag] AS tags,
       [(p)-[r:MENTIONS|REPLIES_TO|QUOTES]->(b:Account) WHERE b.id IN $ours | {type: type(r), target: b.id}] AS links,
       EXISTS { (p)-[:REPOSTS]->() } AS isRepost
