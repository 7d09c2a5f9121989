// GDS PageRank on the directed relationships of the projection, written to Account.pagerank (the property the Node engine
// writes). Damping 0.85 as in the Node engine.
CALL gds.pageRank.write($graph, {
  relationshipTypes: [$directedType],
  writeProperty: 'pagerank',
  relationshipWeightProperty: 'weight',
  dampingFactor: 0.85,
  maxIterations: $maxIterations,
  tolerance: $tolerance,
  concurrency: $concurrency
})
YIELD nodePropertiesWritten, ranIterations
RETURN nodePropertiesWritten, ranIterations
