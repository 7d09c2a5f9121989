// Adds the post → hashtag links this batch created to per-account usage (USED.count = posts).
UNWIND $rows AS r
MATCH (a:Account {id: r.author})
MATCH (h:Hashtag {tag: r.tag})
MERGE (a)-[u:USED]->(h)
SET u.count = coalesce(u.count, 0) + toInteger(r.count)
