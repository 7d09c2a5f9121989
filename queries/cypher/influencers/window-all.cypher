// A ranking over a time window, from the post relationships themselves: the type-weighted attention
// each account received from posts created in [$from, $to), and in the window of equal length before
// it, [$prevFrom, $from), for "rising" (attention now minus attention then). Only the types in $types
// count. Filters, flagged accounts and keyset paging as in global.cypher; $sort "topic" (attention, the
// default), "rising", "score" or "localReach". A source is local when it is within $localM metres of
// the account's own place.
// The posts of the two windows, by an index seek on createdAt.
MATCH (p:Post)
WHERE p.createdAt >= $prevFrom AND p.createdAt < $to
MATCH (s:Account)-[:POSTED]->(p)-[r:MENTIONS|REPLIES_TO|REPOSTS|QUOTES]->(a:Account)
WHERE s <> a AND type(r) IN $types
WITH a, s, p.createdAt >= $from AS now, type(r) AS t, coalesce(r.weight, 1) AS w
WITH a,
     sum(CASE WHEN now THEN w * $typeWeights[t] ELSE 0 END) AS attention,
     sum(CASE WHEN now THEN 0 ELSE w * $typeWeights[t] END) AS previous,
     sum(CASE WHEN now AND t = 'MENTIONS' THEN w ELSE 0 END) AS mention,
     sum(CASE WHEN now AND t = 'REPLIES_TO' THEN w ELSE 0 END) AS reply,
     sum(CASE WHEN now AND t = 'REPOSTS' THEN w ELSE 0 END) AS repost,
     sum(CASE WHEN now AND t = 'QUOTES' THEN w ELSE 0 END) AS quote,
     count(DISTINCT CASE WHEN now THEN s END) AS sources,
     count(DISTINCT CASE WHEN now AND a.lat IS NOT NULL AND s.lat IS NOT NULL AND
                         point.distance(point({latitude: a.lat, longitude: a.lon}),
                                        point({latitude: s.lat, longitude: s.lon})) <= $localM
                    THEN s END) AS localSources
WHERE attention > 0
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
WITH a, attention, previous, mention, reply, repost, quote, sources, localSources,
     CASE $sort
       WHEN 'rising' THEN attention - previous
       WHEN 'score' THEN coalesce(a.score, 0.0)
       WHEN 'localReach' THEN coalesce(toFloat(a.localReach), -1.0)
       ELSE toFloat(attention) END AS k
ORDER BY k DESC, a.id ASC
WITH collect({id: a.id, k: k, attention: attention, previous: previous, mention: mention, reply: reply,
              repost: repost, quote: quote, sources: sources, localSources: localSources}) AS rows
WITH rows, size(rows) AS total,
     [i IN range(0, size(rows) - 1)
      WHERE $afterK IS NULL OR rows[i].k < $afterK OR (rows[i].k = $afterK AND rows[i].id > $afterId)][0..$limit]
     AS page
UNWIND page AS i
WITH rows[i] AS r, i + 1 AS rank, total
RETURN r.id AS accountId, r.k AS k, rank, total, r {.attention, .previous, .mention, .reply, .repost, .quote,
       .sources, .localSources} AS window
ORDER BY rank
