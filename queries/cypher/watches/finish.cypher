// Closes a run (done or failed, with its error), schedules the next one and releases the lease.
MATCH (w:Watch {id: $id})-[:RAN]->(r:WatchRun {id: $runId})
SET r.status = $status, r.finishedAt = $now, r.error = $error, w.nextRunAt = $nextRunAt
WITH w, r
CALL (w) {
  WITH w WHERE w.leaseOwner = $owner
  SET w.leaseOwner = null, w.leaseUntil = null
}
RETURN r {.*} AS run
