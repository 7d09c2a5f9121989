// The hashtags that appear on the same posts as one hashtag, most frequent first.
MATCH (h:Hashtag {tag: $tag})
CALL (h) { RETURN COUNT { (h)<-[:TAGGED]-(:Post) } AS posts }
OPTIONAL MATCH (h)<-[:TAGGED]-(p:Post)-[:TAGGED]->(o:Hashtag)
WHERE o <> h
WITH h, posts, o, count(p) AS together
ORDER BY together DESC, o.tag
LIMIT $limit
WITH h, posts, collect(CASE WHEN o IS NOT NULL THEN {a: h.tag, b: o.tag, count: together} END) AS pairs
RETURN [{tag: h.tag, posts: posts}] AS items, pairs
