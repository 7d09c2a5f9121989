// global-count.cypher near a place: the accounts in the band of latitude around it ($latMin to
// $latMax, an index seek: a few percent of the accounts) are the only ones whose distance is measured.
MATCH (a:Account)
USING INDEX a:Account(lat)
WHERE a.lat >= $latMin AND a.lat <= $latMax AND a.score IS NOT NULL
  AND ($includeFlagged OR a.spamFlag IS NULL)
  AND ($minScore IS NULL OR coalesce(a.score, 0.0) >= $minScore)
  AND ($community IS NULL OR a.community = $community)
  AND ($role IS NULL OR coalesce(a.roleOverride, a.role) = $role)
  AND ($region IS NULL OR toLower(a.placeRegion) = toLower($region))
  AND ($specialty IS NULL OR $specialty IN coalesce(a.specialties, []))
  AND point.distance(point({latitude: a.lat, longitude: a.lon}),
                     point({latitude: $nearLat, longitude: $nearLon})) <= $radiusM
RETURN count(a) AS total
