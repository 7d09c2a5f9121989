// What a ranked page shows about each account ($ids, in rank order): profile, place, specialties, role,
// community label, local reach and spam flag (written by analysis), and the reasons: the
// $topInteractions strongest (source, type, count) of its incoming INTERACTS, by count × the type's
// weight, ties to the lower source id, then in type order. A pair's reasons can rank that high only if
// the pair does by its own strongest one, so only that many pairs are unwound and sorted: the top
// accounts of a million interactions have ~170k incoming pairs (1.4 -> 0.95 s).
UNWIND range(0, size($ids) - 1) AS n
MATCH (a:Account {id: $ids[n]})
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
RETURN a.id AS accountId, a.handle AS handle, a.name AS name, coalesce(a.score, 0.0) AS score,
       a.community AS community, c.label AS communityLabel, a.placeName AS placeName,
       a.placeRegion AS placeRegion, a.placeCountry AS placeCountry, a.lat AS lat, a.lon AS lon,
       coalesce(a.specialties, []) AS specialties, coalesce(a.roleOverride, a.role, 'other') AS role,
       toFloat(a.localReach) AS localReach, a.spamFlag AS spamFlag, topInteractions
ORDER BY n
