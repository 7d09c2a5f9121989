// The most used hashtags (posts tagged) and how often each pair among them appears on the same post.
// Hashtags analysis flagged as spam are left out unless $spam is true.
MATCH (h:Hashtag)
WHERE $spam OR coalesce(h.spam, false) = false
CALL (h) { RETURN COUNT { (h)<-[:TAGGED]-(:Post) } AS posts }
WITH h, posts ORDER BY posts DESC, h.tag LIMIT $limit
WITH collect({tag: h.tag, posts: posts, spam: coalesce(h.spam, false), spamReason: h.spamReason}) AS items, collect(h) AS tags
CALL (tags) {
  UNWIND tags AS h1
  MATCH (h1)<-[:TAGGED]-(p:Post)-[:TAGGED]->(h2:Hashtag)
  WHERE h2 IN tags AND h1.tag < h2.tag
  WITH h1, h2, count(p) AS together
  ORDER BY together DESC, h1.tag, h2.tag
  LIMIT $pairs
  RETURN collect({a: h1.tag, b: h2.tag, count: together}) AS pairs
}
RETURN items, pairs
