// How much there is to analyse, for progress and for ensureAnalysis.
MATCH (a:Account)
WITH count(a) AS accounts
OPTIONAL MATCH (c:Community)
WITH accounts, max(c.id) AS maxCommunityId
OPTIONAL MATCH (r:AnalysisRun)
RETURN accounts, maxCommunityId, count(r) AS runs
