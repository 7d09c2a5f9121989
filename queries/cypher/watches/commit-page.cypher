// In the transaction that wrote a page's batch: the page cursor (and, at the end of a pass, the
// incremental cursor) move on, the lease is renewed and the run counts the page. No row when the
// lease was lost: the caller then rolls the whole batch back.
MATCH (w:Watch {id: $id})
SET w.lockedBy = $owner
REMOVE w.lockedBy
WITH w
WHERE w.leaseOwner = $owner
SET w.leaseUntil = $until, w.page = $page, w.cursor = CASE WHEN $cursor IS NULL THEN w.cursor ELSE $cursor END
WITH w
MATCH (w)-[:RAN]->(r:WatchRun {id: $runId})
SET r.pages = r.pages + 1, r.posts = r.posts + $posts, r.interactions = r.interactions + $interactions,
    r.rejected = r.rejected + $rejected
RETURN w.id AS id
