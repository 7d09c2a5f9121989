// Posts seen before: they keep their first values and only fill empty ones; the author link is merged.
UNWIND $posts AS p
MATCH (a:Account {id: p.author})
MATCH (x:Post {id: p.id})
SET x.createdAt = coalesce(x.createdAt, p.createdAt), x.text = coalesce(x.text, p.text),
    x.lang = coalesce(x.lang, p.lang), x.url = coalesce(x.url, p.url)
MERGE (a)-[:POSTED]->(x)
