// Watches with their last run, in id order (bounded).
MATCH (w:Watch)
WHERE $id IS NULL OR w.id = $id
OPTIONAL MATCH (w)-[:LAST_RUN]->(r:WatchRun)
RETURN w {
  .id, .platform, .kind, .target, .baseUrl, .intervalMinutes, .since, .until, .paused, .createdAt,
  .nextRunAt, .leaseUntil, .cursor, .page
} AS watch, r {.*} AS lastRun
ORDER BY w.id
LIMIT $limit
