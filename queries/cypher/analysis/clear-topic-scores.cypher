// Topic scores of earlier runs (and those computed on request since), removed in batches before a run
// writes its own: a topic ranking only ever reads the latest run's scores.
MATCH (t:Topic)
CALL (t) {
  OPTIONAL MATCH (t)<-[r:TOPIC_SCORE]-()
  DELETE r
} IN TRANSACTIONS OF 100 ROWS
WITH t
CALL (t) { DETACH DELETE t } IN TRANSACTIONS OF 1000 ROWS
