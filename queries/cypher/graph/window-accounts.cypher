// The accounts that took part in the interactions of a time window (posts created in [$from, $to),
// relationship types in $types; follows have no time, so never), most active first: each account's
// summed weight sent and received, ties to the higher score. The posts are read newest first from the
// post_created index, at most $maxPosts of them, so the read is bounded whatever the window; `capped`
// says the window held more. With $community, only interactions between two of its members.
MATCH (p:Post)
WHERE p.createdAt >= $from AND p.createdAt < $to
WITH p ORDER BY p.createdAt DESC LIMIT $maxPosts
WITH collect(p) AS posts
WITH posts, size(posts) >= $maxPosts AS capped
UNWIND posts AS p
MATCH (s:Account)-[:POSTED]->(p)-[r:MENTIONS|REPLIES_TO|REPOSTS|QUOTES]->(a:Account)
WHERE s <> a AND type(r) IN $types
  AND ($community IS NULL OR (s.community = $community AND a.community = $community))
WITH capped, s, a, coalesce(r.weight, 1) AS w
UNWIND [s, a] AS x
WITH capped, x, sum(w) AS weight
ORDER BY weight DESC, x.score DESC, x.id ASC
WITH capped, collect({x: x, weight: weight}) AS active
UNWIND active[0..$cap] AS row
WITH capped, size(active) AS active, row.x AS a
OPTIONAL MATCH (rel:Relationship {accountId: a.id})
RETURN a.id AS id, coalesce(a.handle, a.id) AS label, a.community AS community, a.score AS score,
       rel.stage AS stage, 1 AS size, active, capped
