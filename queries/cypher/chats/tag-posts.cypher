// One page of a tag's posts, in id order after $after: time, author and the start of the text
// (enough to see "Q1:" or "A3:").
MATCH (:Hashtag {tag: $tag})<-[:TAGGED]-(p:Post)
WHERE p.createdAt IS NOT NULL AND ($after IS NULL OR p.id > $after)
WITH p
ORDER BY p.id
LIMIT $limit
MATCH (a:Account)-[:POSTED]->(p)
RETURN p.id AS id, p.createdAt AS at, a.id AS author, a.handle AS handle, left(p.text, 200) AS text
