// The influencer ranking without a topic or a time window: accounts with a score, filtered by what the
// caller asked (each filter skipped when its parameter is null), best first by $sort ('score' or
// 'localReach'), keyset paged on (k DESC, id ASC). Accounts flagged as spam or bots (spamFlag) are left
// out unless $includeFlagged.
MATCH (a:Account)
WHERE a.score IS NOT NULL
  AND ($includeFlagged OR a.spamFlag IS NULL)
  AND ($minScore IS NULL OR coalesce(a.score, 0.0) >= $minScore)
  AND ($community IS NULL OR a.community = $community)
  AND ($role IS NULL OR coalesce(a.roleOverride, a.role) = $role)
  AND ($region IS NULL OR toLower(a.placeRegion) = toLower($region))
  AND ($specialty IS NULL OR $specialty IN coalesce(a.specialties, []))
  AND ($hashtag IS NULL OR EXISTS { (a)-[:USED]->(:Hashtag {tag: $hashtag}) })
  AND ($nearLat IS NULL OR (a.lat IS NOT NULL AND
       point.distance(point({latitude: a.lat, longitude: a.lon}),
                      point({latitude: $nearLat, longitude: $nearLon})) <= $radiusM))
WITH a, CASE $sort WHEN 'localReach' THEN coalesce(toFloat(a.localReach), -1.0) ELSE a.score END AS k
WHERE $afterK IS NULL OR k < $afterK OR (k = $afterK AND a.id > $afterId)
RETURN a.id AS accountId, k
ORDER BY k DESC, a.id ASC
LIMIT $limit
