// One hashtag, its post count and the hashtags stored as appearing on the same posts, most first.
MATCH (h:Hashtag {tag: $tag})
CALL (h) {
  OPTIONAL MATCH (h)-[c:COOCCURS]-(o:Hashtag)
  WITH o, c ORDER BY c.posts DESC, o.tag
  LIMIT $limit
  RETURN collect(CASE WHEN o IS NOT NULL THEN {b: o.tag, count: c.posts} END) AS partners
}
RETURN [{tag: h.tag, posts: coalesce(h.posts, COUNT { (h)<-[:TAGGED]-() })}] AS items,
       [p IN partners | {a: h.tag, b: p.b, count: p.count}] AS pairs
