// After a run has written its topic scores over the previous ones (write-topic-scores.cypher updates a
// voice's TOPIC_SCORE in place), what it did not write: the scores of accounts that are no longer
// voices of a topic, topics it did not score, and hashtags scored on request during an earlier run.
// Relationship by relationship in batches: a 1M graph holds ~600k topic scores, far more than one
// transaction may delete. Deleting them all and writing them again took 22 s of a 1M analysis;
// updating in place leaves only the few that changed to delete.
MATCH ()-[r:TOPIC_SCORE]->()
WHERE r.runId IS NULL OR r.runId <> $runId
CALL (r) {
  DELETE r
} IN TRANSACTIONS OF 20000 ROWS
WITH count(*) AS removed
MATCH (t:Topic)
WHERE t.runId IS NULL OR t.runId <> $runId
CALL (t) { DETACH DELETE t } IN TRANSACTIONS OF 1000 ROWS
