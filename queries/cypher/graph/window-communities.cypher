// A time window between communities, for the aggregated view: the summed weight of the interactions
// made by posts in [$from, $to) (types in $types) from a member of one community to a member of another
// (c = d: inside one community, which counts towards its activity). The posts are read newest first
// from the post_created index, at most $maxPosts, as in window-accounts.
MATCH (p:Post)
WHERE p.createdAt >= $from AND p.createdAt < $to
WITH p ORDER BY p.createdAt DESC LIMIT $maxPosts
MATCH (s:Account)-[:POSTED]->(p)-[r:MENTIONS|REPLIES_TO|REPOSTS|QUOTES]->(a:Account)
WHERE s <> a AND type(r) IN $types AND s.community IS NOT NULL AND a.community IS NOT NULL
RETURN s.community AS source, a.community AS target, sum(coalesce(r.weight, 1)) AS weight
