// Drops the previous run's stored hashtag co-occurrence (at most hashtags × the kept partners each).
MATCH (:Hashtag)-[c:COOCCURS]->(:Hashtag)
CALL (c) {
  DELETE c
} IN TRANSACTIONS OF 10000 ROWS
