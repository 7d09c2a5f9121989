// ego.cypher for a time window: the account's strongest partners (either direction) counted from the
// interactions made by posts created in [$from, $to) with a type in $types (follows have no time, so
// none), and the window's interactions among them. Read from the account's own posts and the post
// relationships that point at it, so it is bounded by the account's activity, not by the graph.
MATCH (a:Account {id: $id})
CALL (a) {
  CALL (a) {
    MATCH (a)-[:POSTED]->(p:Post)-[r:MENTIONS|REPLIES_TO|REPOSTS|QUOTES]->(n:Account)
    WHERE p.createdAt >= $from AND p.createdAt < $to AND type(r) IN $types AND n <> a
    RETURN n, coalesce(r.weight, 1) AS w
    UNION ALL
    MATCH (a)<-[r:MENTIONS|REPLIES_TO|REPOSTS|QUOTES]-(p:Post)<-[:POSTED]-(n:Account)
    WHERE p.createdAt >= $from AND p.createdAt < $to AND type(r) IN $types AND n <> a
    RETURN n, coalesce(r.weight, 1) AS w
  }
  WITH n, sum(w) AS w
  ORDER BY w DESC, n.id
  LIMIT $limit
  RETURN collect(n) AS neighbours
}
WITH [a] + neighbours AS members
UNWIND members AS x
OPTIONAL MATCH (rel:Relationship {accountId: x.id})
WITH members, collect({id: x.id, label: coalesce(x.handle, x.id), community: x.community, score: x.score,
                       stage: rel.stage}) AS nodes
CALL (members) {
  UNWIND members AS x
  MATCH (x)-[:POSTED]->(p:Post)-[r:MENTIONS|REPLIES_TO|REPOSTS|QUOTES]->(y:Account)
  WHERE p.createdAt >= $from AND p.createdAt < $to AND type(r) IN $types AND y IN members AND y <> x
  WITH x, y, sum(coalesce(r.weight, 1)) AS weight
  RETURN collect({source: x.id, target: y.id, weight: weight}) AS edges
}
RETURN nodes, edges
