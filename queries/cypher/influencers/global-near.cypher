// global.cypher near a place: the accounts in the band of latitude around it (an index seek on
// Account(lat), a few percent of the accounts), then those within the radius, best first. Read in the
// score order instead, a place with few accounts (or none) in reach meant reading every account.
MATCH (a:Account)
USING INDEX a:Account(lat)
WHERE a.lat >= $latMin AND a.lat <= $latMax AND a.score IS NOT NULL
  AND ($includeFlagged OR a.spamFlag IS NULL)
  AND ($minScore IS NULL OR a.score >= $minScore)
  AND ($community IS NULL OR a.community = $community)
  AND ($role IS NULL OR coalesce(a.roleOverride, a.role) = $role)
  AND ($region IS NULL OR toLower(a.placeRegion) = toLower($region))
  AND ($specialty IS NULL OR $specialty IN coalesce(a.specialties, []))
  AND point.distance(point({latitude: a.lat, longitude: a.lon}),
                     point({latitude: $nearLat, longitude: $nearLon})) <= $radiusM
  AND ($afterK IS NULL OR a.score < $afterK OR (a.score = $afterK AND a.id > $afterId))
WITH a ORDER BY a.score DESC, a.id ASC LIMIT $limit
RETURN a.id AS accountId, a.score AS k
