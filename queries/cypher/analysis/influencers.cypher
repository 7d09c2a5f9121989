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
// The reasons: the $topInteractions strongest (source, type, count) of the account's incoming INTERACTS,
// by count × the type's weight, ties to the lower source id, then in type order. A pair's reasons can
// rank that high only if the pair does by its own strongest one, so only that many pairs are unwound
// and sorted: the top accounts of a million interactions have ~170k incoming pairs (1.4 -> 0.95 s).
CALL (a) {
  OPTIONAL MATCH (s:Account)-[r:INTERACTS]->(a)
  WITH s, [r.mention, r.reply, r.repost, r.quote, r.follow] AS counts
  WITH s, [k IN range(0, 4) WHERE coalesce(counts[k], 0) > 0 |
           {k: k, type: ['mention', 'reply', 'repost', 'quote', 'follow'][k], count: counts[k]}] AS ts
  WITH s, [t IN ts | t {.*, w: t.count * $weights[t.type]}] AS ts
  WHERE s IS NOT NULL AND size(ts) > 0
  WITH s, ts, reduce(m = 0.0, t IN ts | CASE WHEN t.w > m THEN t.w ELSE m END) AS best
  ORDER BY best DESC, s.id ASC
  LIMIT $topInteractions
  UNWIND ts AS t
  WITH s, t ORDER BY t.w DESC, s.id ASC, t.k ASC
  LIMIT $topInteractions
  RETURN collect({accountId: s.id, handle: s.handle, type: t.type, count: t.count}) AS topInteractions
}
OPTIONAL MATCH (c:Community {id: a.community})
RETURN a.id AS accountId, a.handle AS handle, a.name AS name, a.score AS score, a.community AS community,
       c.label AS communityLabel, a.placeName AS placeName, a.placeRegion AS placeRegion,
       a.placeCountry AS placeCountry, a.lat AS lat, a.lon AS lon,
       coalesce(a.specialties, []) AS specialties, coalesce(a.roleOverride, a.role, 'other') AS role,
       topInteractions
