// The newest analysis run.
MATCH (r:AnalysisRun)
RETURN r.id AS id, r.at AS at, r.params AS params, r.counts AS counts, r.modularity AS modularity,
       r.engine AS engine
ORDER BY r.at DESC
LIMIT 1
