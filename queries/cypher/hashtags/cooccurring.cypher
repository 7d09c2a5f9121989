// One hashtag, its post count and the hashtags stored as appearing on the same posts, most first;
// those analysis flagged as spam only when $spam is true.
MATCH (h:Hashtag {tag: $tag})
CALL (h) {
  OPTIONAL MATCH (h)-[c:COOCCURS]-(o:Hashtag)
  WHERE $spam OR coalesce(o.spam, false) = false
  WITH o, c ORDER BY c.posts DESC, o.tag
  LIMIT $limit
  RETURN collect(CASE WHEN o IS NOT NULL THEN {b: o.tag, count: c.posts} END) AS partners
}
RETURN [{tag: h.tag, posts: coalesce(h.posts, COUNT { (h)<-[:TAGGED]-() }), spam: coalesce(h.spam, false),
         spamReason: h.spamReason}] AS items,
       [p IN partners | {a: h.tag, b: p.b, count: p.count}] AS pairs
