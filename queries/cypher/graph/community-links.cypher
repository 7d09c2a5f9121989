// The heaviest stored weights between the given communities (analysis keeps the strongest few per
// community, queries/analysis/summaries.ts), at most $maxEdges.
UNWIND $ids AS id
MATCH (c:Community {id: id})-[l:LINKS]->(d:Community)
WHERE d.id IN $ids
WITH c, d, l
ORDER BY l.weight DESC, c.id, d.id
LIMIT $maxEdges
RETURN c.id AS source, d.id AS target, l.weight AS weight
