// GDS Louvain on the undirected relationships of the projection, written to Account.community (the property the Node
// engine writes). concurrency 1 keeps the result the same from run to run on the same graph.
CALL gds.louvain.write($graph, {
  relationshipTypes: [$undirectedType],
  writeProperty: 'community',
  relationshipWeightProperty: 'weight',
  concurrency: $concurrency
})
YIELD communityCount, modularity, nodePropertiesWritten
RETURN communityCount, modularity, nodePropertiesWritten
