// Communities as super-nodes (ids are built by the caller: 'community:<id>') (the $cap largest) and the interaction weight between each pair of them.
MATCH (a:Account) WHERE a.community IS NOT NULL
WITH a.community AS community, count(a) AS size, max(a.score) AS score
ORDER BY size DESC, community LIMIT $cap
OPTIONAL MATCH (c:Community {id: community})
WITH collect({community: community,
              label: coalesce(c.label, 'community ' + toString(community)),
              score: score, size: size}) AS nodes, collect(community) AS kept
CALL (kept) {
  MATCH (x:Account)-[r:INTERACTS]->(y:Account)
  WHERE x.community IN kept AND y.community IN kept AND x.community <> y.community
  WITH x.community AS s, y.community AS t, sum(r.total) AS w
  ORDER BY w DESC LIMIT $maxEdges
  RETURN collect({source: s, target: t, weight: w}) AS edges
}
RETURN nodes, edges
