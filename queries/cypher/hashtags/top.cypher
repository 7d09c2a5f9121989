// The most used hashtags (posts tagged, stored by analysis; the hashtag_posts index gives them in
// order) and the stored co-occurrence counts among them (queries/analysis/summaries.ts). Hashtags
// analysis flagged as spam are left out unless $spam is true.
MATCH (h:Hashtag)
WHERE h.posts IS NOT NULL AND ($spam OR coalesce(h.spam, false) = false)
WITH h ORDER BY h.posts DESC, h.tag ASC
LIMIT $limit
WITH collect(h) AS tops
CALL (tops) {
  UNWIND tops AS h1
  MATCH (h1)-[c:COOCCURS]->(h2:Hashtag)
  WHERE h2 IN tops
  WITH h1, h2, c ORDER BY c.posts DESC, h1.tag, h2.tag
  LIMIT $pairs
  RETURN collect({a: h1.tag, b: h2.tag, count: c.posts}) AS pairs
}
RETURN [h IN tops | {tag: h.tag, posts: h.posts, spam: coalesce(h.spam, false), spamReason: h.spamReason}] AS items,
       pairs
