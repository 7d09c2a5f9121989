// The hashtags that appear on the same posts as one hashtag, most frequent first; those analysis
// flagged as spam only when $spam is true.
MATCH (h:Hashtag {tag: $tag})
CALL (h) { RETURN COUNT { (h)<-[:TAGGED]-(:Post) } AS posts }
OPTIONAL MATCH (h)<-[:TAGGED]-(p:Post)-[:TAGGED]->(o:Hashtag)
WHERE o <> h AND ($spam OR coalesce(o.spam, false) = false)
WITH h, posts, o, count(p) AS together
ORDER BY together DESC, o.tag
LIMIT $limit
WITH h, posts, collect(CASE WHEN o IS NOT NULL THEN {a: h.tag, b: o.tag, count: together} END) AS pairs
RETURN [{tag: h.tag, posts: posts, spam: coalesce(h.spam, false), spamReason: h.spamReason}] AS items, pairs
