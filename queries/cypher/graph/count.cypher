// How many accounts and communities the graph holds: both from Neo4j's count store (no node is read).
CALL () {
  MATCH (a:Account)
  RETURN count(a) AS accounts
}
CALL () {
  MATCH (c:Community)
  RETURN count(c) AS communities
}
RETURN accounts, communities
