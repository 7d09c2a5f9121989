// First step of a reset: posts (few relationships each), in large batches.
MATCH (p:Post)
CALL (p) { DETACH DELETE p } IN TRANSACTIONS OF 10000 ROWS
