// Who reposted or quoted a mention's post (attributed as in reach.cypher), with their community,
// influence and outreach stage, oldest first.
MATCH (p:Post {id: $postId})<-[:POSTED]-(a:Account)
OPTIONAL MATCH (a)-[:POSTED]->(next:Post)
WHERE next.createdAt > p.createdAt
WITH p, a, min(next.createdAt) AS until
MATCH (q:Post)-[r:REPOSTS|QUOTES]->(a)
WHERE q.refersTo = p.id
   OR (q.refersTo IS NULL AND q.createdAt >= p.createdAt AND (until IS NULL OR q.createdAt < until))
MATCH (b:Account)-[:POSTED]->(q)
OPTIONAL MATCH (rel:Relationship {accountId: b.id})
OPTIONAL MATCH (c:Community {id: b.community})
RETURN q.id AS postId, CASE type(r) WHEN 'REPOSTS' THEN 'repost' ELSE 'quote' END AS type,
       q.createdAt AS at, q.text AS text,
       {id: b.id, handle: b.handle, name: b.name, followers: b.followers, score: b.score,
        community: b.community, communityLabel: c.label, outreachStage: rel.stage} AS account
ORDER BY q.createdAt, q.id
LIMIT $limit
