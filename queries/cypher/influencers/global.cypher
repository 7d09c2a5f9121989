// The influencer ranking without a topic or a time window: accounts with a score, filtered by what the
// caller asked (each filter skipped when its parameter is null), best first, keyset paged on
// (score DESC, id ASC). Accounts flagged as spam or bots (spamFlag) are left out unless $includeFlagged.
// The account_score index gives the order, so the read stops once the page is full: ~300 db hits for
// the top 100 of 100k accounts instead of reading and sorting all of them (the filters in one WHERE
// and the order on the property itself are what let the planner keep the index order).
// The index is named so that no planner estimate trades it for a scan and a sort.
// By local reach: global-reach.cypher.
MATCH (a:Account)
USING INDEX a:Account(score)
WHERE a.score IS NOT NULL
  AND ($includeFlagged OR a.spamFlag IS NULL)
  AND ($minScore IS NULL OR a.score >= $minScore)
  AND ($community IS NULL OR a.community = $community)
  AND ($role IS NULL OR coalesce(a.roleOverride, a.role) = $role)
  AND ($region IS NULL OR toLower(a.placeRegion) = toLower($region))
  AND ($specialty IS NULL OR $specialty IN coalesce(a.specialties, []))
  AND ($nearLat IS NULL OR (a.lat IS NOT NULL AND
       point.distance(point({latitude: a.lat, longitude: a.lon}),
                      point({latitude: $nearLat, longitude: $nearLon})) <= $radiusM))
  AND ($afterK IS NULL OR a.score < $afterK OR (a.score = $afterK AND a.id > $afterId))
WITH a ORDER BY a.score DESC, a.id ASC LIMIT $limit
RETURN a.id AS accountId, a.score AS k
