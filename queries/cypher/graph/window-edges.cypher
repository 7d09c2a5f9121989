// The heaviest interactions of a time window among the given accounts (window-accounts), at most
// $maxEdges: each account's own posts in [$from, $to) and their relationships of the $types, so the
// read is bounded by the accounts asked for and their posts in the window.
UNWIND $ids AS id
MATCH (x:Account {id: id})-[:POSTED]->(p:Post)-[r:MENTIONS|REPLIES_TO|REPOSTS|QUOTES]->(y:Account)
WHERE p.createdAt >= $from AND p.createdAt < $to AND type(r) IN $types AND y.id IN $ids AND y <> x
WITH x, y, sum(coalesce(r.weight, 1)) AS weight
ORDER BY weight DESC, x.id, y.id
LIMIT $maxEdges
RETURN x.id AS source, y.id AS target, weight
