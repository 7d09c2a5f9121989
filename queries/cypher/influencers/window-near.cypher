// window-all.cypher and window-topic.cypher near a place: read from the accounts within the radius (an
// index seek on Account(lat) for the band of latitude, then the distance) and the interactions each of
// them received in the two windows, instead of every post of the windows. A place holds a few percent
// of the accounts, so this reads a few percent of the interactions; by the windows' posts, a quarter of
// one topic at 1M read ~400k posts through Post(createdAt) and 1.8M TAGGED hits (3 s). $tags null: every
// post counts; otherwise only posts that carry one of $tags.
MATCH (a:Account)
USING INDEX a:Account(lat)
WHERE a.lat >= $latMin AND a.lat <= $latMax
  AND point.distance(point({latitude: a.lat, longitude: a.lon}),
                     point({latitude: $nearLat, longitude: $nearLon})) <= $radiusM
  AND ($includeFlagged OR a.spamFlag IS NULL)
  AND ($minScore IS NULL OR coalesce(a.score, 0.0) >= $minScore)
  AND ($community IS NULL OR a.community = $community)
  AND ($role IS NULL OR coalesce(a.roleOverride, a.role) = $role)
  AND ($region IS NULL OR toLower(a.placeRegion) = toLower($region))
  AND ($specialty IS NULL OR $specialty IN coalesce(a.specialties, []))
  AND ($hashtag IS NULL OR EXISTS { (a)-[:USED]->(:Hashtag {tag: $hashtag}) })
MATCH (s:Account)-[:POSTED]->(p:Post)-[r:MENTIONS|REPLIES_TO|REPOSTS|QUOTES]->(a)
WHERE s <> a AND type(r) IN $types AND p.createdAt >= $prevFrom AND p.createdAt < $to
  AND ($tags IS NULL OR EXISTS { (p)-[:TAGGED]->(h:Hashtag) WHERE h.tag IN $tags })
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
