// Topic scores of earlier runs (and those computed on request since), removed in batches before a run
// writes its own: a topic ranking only ever reads the latest run's scores. Relationship by
// relationship: a 1M graph holds ~600k of them, far more than one transaction may delete (batching by
// topic put a hundred topics' scores in one transaction and ran out of transaction memory).
MATCH ()-[r:TOPIC_SCORE]->()
CALL (r) {
  DELETE r
} IN TRANSACTIONS OF 20000 ROWS
WITH count(*) AS removed
MATCH (t:Topic)
CALL (t) { DETACH DELETE t } IN TRANSACTIONS OF 1000 ROWS
