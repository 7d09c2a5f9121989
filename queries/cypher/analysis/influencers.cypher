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
CALL (a) {
  OPTIONAL MATCH (s:Account)-[r:INTERACTS]->(a)
  UNWIND [['mention', r.mention], ['reply', r.reply], ['repost', r.repost], ['quote', r.quote], ['follow', r.follow]] AS t
  WITH s, t[0] AS type, coalesce(t[1], 0) AS count
  WHERE s IS NOT NULL AND count > 0
  WITH s, type, count ORDER BY count * $weights[type] DESC, s.id ASC
  RETURN collect({accountId: s.id, handle: s.handle, type: type, count: count})[..$topInteractions] AS topInteractions
}
OPTIONAL MATCH (c:Community {id: a.community})
RETURN a.id AS accountId, a.handle AS handle, a.name AS name, a.score AS score, a.community AS community,
       c.label AS communityLabel, a.placeName AS placeName, a.placeRegion AS placeRegion,
       a.placeCountry AS placeCountry, a.lat AS lat, a.lon AS lon,
       coalesce(a.specialties, []) AS specialties, coalesce(a.roleOverride, a.role, 'other') AS role,
       topInteractions
