// Drops an in-memory projection if it is there (a run that failed half-way may have left it).
CALL gds.graph.drop($graph, false) YIELD graphName
RETURN graphName
