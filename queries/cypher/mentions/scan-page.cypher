// One page of every post, in id order (the unique index serves the order and the cursor), with what
// matching needs: text, hashtags, links to our accounts, and whether it is a repost.
MATCH (p:Post)
WHERE p.id > $after
WITH p ORDER BY p.id LIMIT $limit
OPTIONAL MATCH (a:Account)-[:POSTED]->(p)
RETURN p.id AS id, p.platform AS platform, p.text AS text, p.lang AS lang, p.url AS url,
       p.createdAt AS createdAt, a.id AS authorId,
       [(p)-[:TAGGED]->(h:Hashtag) | h.tag] AS tags,
       [(p)-[r:MENTIONS|REPLIES_TO|QUOTES]->(b:Account) WHERE b.id IN $ours | {type: type(r), target: b.id}] AS links,
       EXISTS { (p)-[:REPOSTS]->() } AS isRepost
