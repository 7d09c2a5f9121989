// Which of the batch's posts exist already, and who posted them: a row naming another author is
// refused (ingest/load.ts authorConflicts). A post has one POSTED link; min() only keeps the answer
// stable for a database written before that was enforced, where a post could have two.
UNWIND $ids AS id
MATCH (x:Post {id: id})
OPTIONAL MATCH (a:Account)-[:POSTED]->(x)
RETURN x.id AS id, min(a.id) AS author
