// Deletes every node the application wrote (social graph and server records), in small batches.
MATCH (n)
WHERE NOT n:CarecircleMeta
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 500 ROWS
