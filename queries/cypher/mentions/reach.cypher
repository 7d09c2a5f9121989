// Reach so far: the reposts and quotes of each mention's post. The graph links a repost to the
// original's author, not to the post, so a repost or quote of the author counts for the author's
// latest post before it (or for the post it names in refersTo, when a source recorded that).
UNWIND $postIds AS pid
MATCH (p:Post {id: pid})<-[:POSTED]-(a:Account)
CALL (p, a) {
  OPTIONAL MATCH (a)-[:POSTED]->(next:Post)
  WHERE next.createdAt > p.createdAt
  WITH min(next.createdAt) AS until
  OPTIONAL MATCH (q:Post)-[:REPOSTS|QUOTES]->(a)
  WHERE q.refersTo = p.id
     OR (q.refersTo IS NULL AND q.createdAt >= p.createdAt AND (until IS NULL OR q.createdAt < until))
  RETURN count(DISTINCT q) AS reach
}
MATCH (m:Mention {postId: pid})
SET m.reach = reach
RETURN count(m) AS updated
