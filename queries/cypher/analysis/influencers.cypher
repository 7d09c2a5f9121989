// The influencer ranking: accounts with a score, filtered by what the caller asked, best first, keyset
// paged on (score DESC, id ASC). Each filter is skipped when its parameter is null.
MATCH (a:Account)
WHERE a.score IS NOT NULL
  AND ($community IS NULL OR a.community = $community)
  AND ($role IS NULL OR coalesce(a.roleOverride, a.role) = $role)
  AND ($region IS NULL OR toLower(a.placeRegion) = toLower($region))
  AND ($specialty IS NULL OR $specialty IN coalesce(a.specialties, []))
  AND ($hashtag IS NULL OR EXISTS { (a)-[:USED]->(:Hashtag {tag: $hashtag}) })
  AND ($nearLat IS NULL OR (a.lat IS NOT NULL AND
       point.distance(point({latitude: a.lat, longitude: a.lon}),
                      point({latitude: $nearLat, longitude: $nearLon})) <= $radiusM))
  AND ($afterScore IS NULL OR a.score < $afterScore OR (a.score = $afterScore AND a.id > $afterId))
WITH a
ORDER BY a.score DESC, a.id ASC
LIMIT $limit
// The reasons, stored by analysis (queries/analysis/summaries.ts) as parallel lists; only the
// handles are read now, so a renamed source shows its new handle.
CALL (a) {
  UNWIND range(0, size(coalesce(a.reasonIds, [])) - 1) AS i
  OPTIONAL MATCH (s:Account {id: a.reasonIds[i]})
  WITH i, s ORDER BY i
  RETURN collect({accountId: a.reasonIds[i], handle: s.handle, type: a.reasonTypes[i],
                  count: a.reasonCounts[i]}) AS topInteractions
}
OPTIONAL MATCH (c:Community {id: a.community})
RETURN a.id AS accountId, a.handle AS handle, a.name AS name, a.score AS score, a.community AS community,
       c.label AS communityLabel, a.placeName AS placeName, a.placeRegion AS placeRegion,
       a.placeCountry AS placeCountry, a.lat AS lat, a.lon AS lon,
       coalesce(a.specialties, []) AS specialties, coalesce(a.roleOverride, a.role, 'other') AS role,
       topInteractions
