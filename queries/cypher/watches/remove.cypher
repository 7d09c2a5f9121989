// Deletes a watch and its run history (what it collected stays in the graph).
MATCH (w:Watch {id: $id})
OPTIONAL MATCH (w)-[:RAN]->(r:WatchRun)
DETACH DELETE r
WITH DISTINCT w
DETACH DELETE w
RETURN count(*) AS removed
