// Replaces the Community nodes with this run's communities (ids kept stable by the caller).
OPTIONAL MATCH (old:Community) WHERE NOT old.id IN [r IN $rows | toInteger(r.id)]
DETACH DELETE old
WITH count(*) AS ignored
UNWIND $rows AS r
MERGE (c:Community {id: toInteger(r.id)})
SET c.size = toInteger(r.size), c.label = r.label, c.topHashtags = r.topHashtags, c.topAccounts = r.topAccounts,
    c.modularity = r.modularity, c.stability = r.stability, c.x = r.x, c.y = r.y,
    c.runId = $runId
RETURN count(c) AS written
