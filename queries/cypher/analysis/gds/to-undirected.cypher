// The undirected copy of the projected interactions, for Louvain: both directions of a pair become
// one relationship whose weight is their sum, as the Node engine builds it.
CALL gds.graph.relationships.toUndirected($graph, {
  relationshipType: $directedType,
  mutateRelationshipType: $undirectedType,
  aggregation: 'SUM'
})
YIELD relationshipsWritten
RETURN relationshipsWritten
