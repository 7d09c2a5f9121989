// The total of the unfiltered influencer ranking, as the newest analysis run counted it (create-run);
// null when that run predates the count, and then global-count.cypher counts it.
MATCH (r:AnalysisRun)
WITH r ORDER BY r.at DESC LIMIT 1
RETURN CASE WHEN $includeFlagged THEN r.ranked ELSE r.rankedUnflagged END AS total
