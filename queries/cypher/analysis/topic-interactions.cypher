// The interactions made by posts that carry a topic hashtag ($tags), for the authors in one id range
// ($first to $last): per (author, target, type, the post's topic tags, the post's time) the summed weight
// and the number of posts; the time is what each voice's log keeps for rankings over a window. A post with several topic tags comes once, with all of them, so no topic counts it twice.
// Targets come as ids; the author range is an index seek, as in account-page.cypher.
MATCH (s:Account)
WHERE s.id >= $first AND s.id <= $last
MATCH (s)-[:POSTED]->(p:Post)-[r:MENTIONS|REPLIES_TO|REPOSTS|QUOTES]->(t:Account)
WHERE t <> s
WITH s, t, r, p, COLLECT { MATCH (p)-[:TAGGED]->(h:Hashtag) WHERE h.tag IN $tags RETURN h.tag ORDER BY h.tag } AS tags
WHERE size(tags) > 0
RETURN s.id AS s, t.id AS t, type(r) AS type, tags, p.createdAt AS at, sum(coalesce(r.weight, 1)) AS w,
       count(DISTINCT p) AS posts
