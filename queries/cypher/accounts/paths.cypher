// Warm introductions: the shortest interaction paths (either direction, up to 4 hops) from accounts
// the organisation already has a relationship with (responded or partner) to the target.
MATCH (t:Account {id: $id})
MATCH (r:Relationship)
WHERE r.stage IN ['responded', 'partner'] AND r.accountId <> $id
MATCH (s:Account {id: r.accountId})
MATCH p = shortestPath((s)-[:INTERACTS*..4]-(t))
WHERE length(p) <= $maxHops
WITH p, r, s
ORDER BY length(p), CASE r.stage WHEN 'partner' THEN 0 ELSE 1 END, s.id
LIMIT $limit
RETURN r.stage AS stage, length(p) AS hops,
       [n IN nodes(p) | {id: n.id, handle: n.handle, name: n.name}] AS accounts,
       [x IN relationships(p) | {source: startNode(x).id, target: endNode(x).id, weight: x.total}] AS links
