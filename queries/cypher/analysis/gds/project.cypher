// Projects the account graph into GDS memory: every account is a node, every INTERACTS relationship
// one directed relationship weighted by type ($weights), as the Node engine weights it. Accounts
// without interactions come along as nodes (t is null) so the written properties cover every account.
// One pass over the store: the undirected copy Louvain needs is made in memory (to-undirected).
MATCH (s:Account)
OPTIONAL MATCH (s)-[r:INTERACTS]->(t:Account)
WHERE t <> s
WITH s, t,
     coalesce(r.mention, 0) * $weights.mention + coalesce(r.reply, 0) * $weights.reply +
     coalesce(r.repost, 0) * $weights.repost + coalesce(r.quote, 0) * $weights.quote +
     coalesce(r.follow, 0) * $weights.follow AS weight
WITH gds.graph.project(
       $graph, s, t,
       CASE WHEN t IS NULL THEN {}
            ELSE {relationshipType: $directedType, relationshipProperties: {weight: toFloat(weight)}} END
     ) AS g
RETURN g.nodeCount AS nodes, g.relationshipCount AS relationships
