// The interactions made by posts carrying one of $tags (one topic computed on request): per (author,
// target, type, the post's time) the summed weight and the number of posts, each post once. Starts from the hashtags,
// so it reads only that conversation.
MATCH (h:Hashtag) WHERE h.tag IN $tags
MATCH (h)<-[:TAGGED]-(p:Post)
WITH DISTINCT p
MATCH (s:Account)-[:POSTED]->(p)-[r:MENTIONS|REPLIES_TO|REPOSTS|QUOTES]->(t:Account)
WHERE t <> s
RETURN s.id AS s, t.id AS t, type(r) AS type, p.createdAt AS at, sum(coalesce(r.weight, 1)) AS w,
       count(p) AS posts
LIMIT $limit
