// The heaviest stored weights between the given communities (analysis keeps the strongest few per
// community, queries/analysis/summaries.ts), at most $maxEdges. The far end has no label on purpose:
// LINKS only join communities, and without a label the planner cannot seek the far end by its id, so
// it always expands from each given community (with the label it switched plans with the statistics).
// The hint keeps the near end a seek of the unique id index. A plain USING INDEX also allows a scan
// of that index plus a filter, which the planner chose on a fresh CI instance at 200k interactions.
UNWIND $ids AS id
MATCH (c:Community {id: id})-[l:LINKS]->(d)
USING INDEX SEEK c:Community(id)
WHERE d.id IN $ids
WITH c, d, l
ORDER BY l.weight DESC, c.id, d.id
LIMIT $maxEdges
RETURN c.id AS source, d.id AS target, l.weight AS weight
