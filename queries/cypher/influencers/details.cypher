// What a ranked page shows about each account ($ids, in rank order): profile, place, specialties, role,
// community label, local reach and spam flag (written by analysis), and the reasons: the
// $topInteractions strongest (source, type, count) of its incoming INTERACTS, by count × the type's
// weight, ties to the lower source id, then in type order.
// The reasons are the ones analysis stored (queries/analysis/summaries.ts, parallel lists) for every
// account it scored, so a page costs the same on the first request as on the next; only the handles
// are read now, so a renamed source shows its new handle. An account loaded since the last analysis
// has none stored, and only for those are they computed here the same way (a pair's reasons can rank
// that high only if the pair does by its own strongest one, so only that many pairs are unwound).
UNWIND range(0, size($ids) - 1) AS n
MATCH (a:Account {id: $ids[n]})
CALL (a) {
  WITH a WHERE a.reasonIds IS NOT NULL
  UNWIND range(0, size(a.reasonIds) - 1) AS i
  OPTIONAL MATCH (s:Account {id: a.reasonIds[i]})
  WITH i, s ORDER BY i
  RETURN collect({accountId: a.reasonIds[i], handle: s.handle, type: a.reasonTypes[i],
                  count: a.reasonCounts[i]}) AS stored
}
CALL (a) {
  WITH a WHERE a.reasonIds IS NULL
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
  RETURN collect({accountId: s.id, handle: s.handle, type: t.type, count: t.count}) AS live
}
OPTIONAL MATCH (c:Community {id: a.community})
RETURN a.id AS accountId, a.handle AS handle, a.name AS name, coalesce(a.score, 0.0) AS score,
       a.community AS community, c.label AS communityLabel, a.placeName AS placeName,
       a.placeRegion AS placeRegion, a.placeCountry AS placeCountry, a.lat AS lat, a.lon AS lon,
       coalesce(a.specialties, []) AS specialties, coalesce(a.roleOverride, a.role, 'other') AS role,
       toFloat(a.localReach) AS localReach, a.spamFlag AS spamFlag,
       CASE WHEN a.reasonIds IS NULL THEN live ELSE stored END AS topInteractions
ORDER BY n
