// Keeps the newest $keep runs of a watch.
MATCH (:Watch {id: $id})-[:RAN]->(r:WatchRun)
WITH r ORDER BY r.startedAt DESC
SKIP $keep
LIMIT 1000
DETACH DELETE r
