// window-all.cypher inside one topic: only the interactions made by posts that carry one of $tags.
// The posts of the topic's hashtags in the two windows, each post once. Measured at 1M (PROFILE): the
// planner reads them from the Post(createdAt) index and keeps those with a topic tag (for a quarter
// and the one before it, ~400k posts and 1.8M TAGGED hits for ~50k topic posts: ~1.5 s); forcing the
// read from the hashtags was slower still. No index holds tag and time together, which is what a
// bounded window ranking needs next (e.g. the post's time and tag on TAGGED, with a relationship index).
MATCH (h:Hashtag) WHERE h.tag IN $tags
MATCH (h)<-[:TAGGED]-(p:Post)
WHERE p.createdAt >= $prevFrom AND p.createdAt < $to
WITH DISTINCT p
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
