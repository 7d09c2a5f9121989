// Posts seen before: they keep their first values and only fill empty ones. The post is matched
// through its stored author, so this never adds an author link: a row naming another author was
// refused before (ingest/load.ts authorConflicts), and would fill nothing here either.
UNWIND $posts AS p
MATCH (:Account {id: p.author})-[:POSTED]->(x:Post {id: p.id})
SET x.createdAt = coalesce(x.createdAt, p.createdAt), x.text = coalesce(x.text, p.text),
    x.lang = coalesce(x.lang, p.lang), x.url = coalesce(x.url, p.url)
