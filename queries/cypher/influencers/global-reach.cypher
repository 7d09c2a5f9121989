// The influencer ranking without a topic or a time window, by local reach (the share of an account's
// attention from within the radius), highest first; accounts without one (no known place) last.
// Filters and paging as in global.cypher. Every scored account is sorted: local reach has no index
// order (most accounts share the -1 of "unknown"), and sorting by it is the rarer request.
MATCH (a:Account)
WHERE a.score IS NOT NULL
  AND ($includeFlagged OR a.spamFlag IS NULL)
  AND ($minScore IS NULL OR coalesce(a.score, 0.0) >= $minScore)
  AND ($community IS NULL OR a.community = $community)
  AND ($role IS NULL OR coalesce(a.roleOverride, a.role) = $role)
  AND ($region IS NULL OR toLower(a.placeRegion) = toLower($region))
  AND ($specialty IS NULL OR $specialty IN coalesce(a.specialties, []))
  AND ($nearLat IS NULL OR (a.lat IS NOT NULL AND
       point.distance(point({latitude: a.lat, longitude: a.lon}),
                      point({latitude: $nearLat, longitude: $nearLon})) <= $radiusM))
WITH a, coalesce(toFloat(a.localReach), -1.0) AS k
WHERE $afterK IS NULL OR k < $afterK OR (k = $afterK AND a.id > $afterId)
RETURN a.id AS accountId, k
ORDER BY k DESC, a.id ASC
LIMIT $limit
