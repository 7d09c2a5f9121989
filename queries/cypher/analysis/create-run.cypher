// The record of one analysis run; params and counts are JSON text (Neo4j properties cannot be maps).
CREATE (r:AnalysisRun {id: $id, at: $at, params: $params, counts: $counts, modularity: $modularity,
                       engine: $engine})
RETURN r.id AS id
