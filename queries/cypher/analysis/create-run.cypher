// The record of one analysis run; params and counts are JSON text (Neo4j properties cannot be maps).
// `ranked` / `rankedUnflagged`: the accounts the run scored, with and without those flagged as spam or
// bots: the total of the unfiltered influencer ranking (scores and flags change only with a run), so
// its first page need not count 100k accounts (influencers/ranked-count).
CALL () {
  MATCH (a:Account)
  WHERE a.score IS NOT NULL
  RETURN count(a) AS ranked, count(CASE WHEN a.spamFlag IS NULL THEN 1 END) AS rankedUnflagged
}
CREATE (r:AnalysisRun {id: $id, at: $at, params: $params, counts: $counts, modularity: $modularity,
                       engine: $engine, ranked: ranked, rankedUnflagged: rankedUnflagged})
RETURN r.id AS id
