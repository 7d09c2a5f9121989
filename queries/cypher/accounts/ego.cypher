// The account, its strongest interaction partners (either direction) and the edges among them.
MATCH (a:Account {id: $id})
OPTIONAL MATCH (a)-[r:INTERACTS]-(n:Account)
WHERE n <> a
WITH a, n, sum(r.total) AS w
ORDER BY w DESC, n.id
LIMIT $limit
WITH a, collect(n) AS neighbours
WITH [a] + neighbours AS members
UNWIND members AS x
OPTIONAL MATCH (rel:Relationship {accountId: x.id})
WITH members, collect({id: x.id, label: coalesce(x.handle, x.id), community: x.community, score: x.score,
                       stage: rel.stage}) AS nodes
CALL (members) {
  UNWIND members AS x
  MATCH (x)-[r:INTERACTS]->(y:Account)
  WHERE y IN members AND y <> x
  RETURN collect({source: x.id, target: y.id, weight: r.total}) AS edges
}
RETURN nodes, edges
