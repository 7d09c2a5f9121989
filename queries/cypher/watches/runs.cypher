// A watch's recent runs, newest first.
MATCH (:Watch {id: $id})-[:RAN]->(r:WatchRun)
RETURN r {.*} AS run
ORDER BY r.startedAt DESC
LIMIT $limit
