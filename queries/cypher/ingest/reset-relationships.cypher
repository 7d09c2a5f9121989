// Second step of a reset: the relationships between accounts, hashtags and communities, in batches,
// so no batch of nodes later has to delete a busy account's ~170k relationships in one transaction
// (that ran out of transaction memory at a million interactions).
MATCH ()-[r:INTERACTS|FOLLOWS|USED|LINKS|COOCCURS]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
