// Up to $cap accounts (of one community, or all), highest score first, and the interactions among them.
MATCH (a:Account)
WHERE $community IS NULL OR a.community = $community
WITH a ORDER BY a.score DESC, a.followers DESC, a.id LIMIT $cap
WITH collect(a) AS members
CALL (members) {
  UNWIND members AS x
  OPTIONAL MATCH (rel:Relationship {accountId: x.id})
  RETURN collect({id: x.id, label: coalesce(x.handle, x.id), community: x.community, score: x.score,
                  stage: rel.stage, size: 1}) AS nodes
}
CALL (members) {
  UNWIND members AS x
  MATCH (x)-[r:INTERACTS]->(y:Account)
  WHERE y IN members AND y <> x
  WITH x, y, r ORDER BY r.total DESC LIMIT $maxEdges
  RETURN collect({source: x.id, target: y.id, weight: r.total}) AS edges
}
RETURN nodes, edges
