// The newest analysis run's id only: the graph cache reads it on every request (analysis_run_at index).
MATCH (r:AnalysisRun)
WHERE r.at IS NOT NULL
RETURN r.id AS id
ORDER BY r.at DESC
LIMIT $limit
