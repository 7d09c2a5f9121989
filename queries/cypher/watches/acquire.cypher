// Takes the watch's lease for $owner and opens a run. Writing the node first takes its write lock,
// so the lease is read after any concurrent taker has committed: two processes never both get it.
// Runs left 'running' by a killed process are closed as interrupted.
MATCH (w:Watch {id: $id})
SET w.lockedBy = $owner
REMOVE w.lockedBy
WITH w
WHERE w.leaseUntil IS NULL OR w.leaseUntil < $nowMs OR w.leaseOwner = $owner
SET w.leaseOwner = $owner, w.leaseUntil = $until
WITH w
OPTIONAL MATCH (w)-[:RAN]->(stale:WatchRun {status: 'running'})
SET stale.status = 'interrupted', stale.finishedAt = $now,
    stale.error = 'stopped before it finished (process killed or crashed); the next run went on from the last saved page'
WITH DISTINCT w
OPTIONAL MATCH (w)-[last:LAST_RUN]->()
DELETE last
WITH DISTINCT w
CREATE (r:WatchRun {
  id: $runId, watch: w.id, startedAt: $now, finishedAt: null, status: 'running',
  pages: 0, posts: 0, interactions: 0, rejected: 0, error: null
})
CREATE (w)-[:RAN]->(r)
CREATE (w)-[:LAST_RUN]->(r)
RETURN w { .id, .platform, .kind, .target, .baseUrl, .intervalMinutes, .since, .until, .cursor, .page } AS watch
