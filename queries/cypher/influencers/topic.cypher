// The ranking inside one stored topic (queries/analysis/topics-influence.ts): its voices, and after
// them the accounts that only used one of its hashtags ($hashtag) or carry its specialty ($specialty)
// but received no attention in it, by their global score (k = score - 2 keeps them below every voice,
// whose topic score is in [0, 1]). Filters, flagged accounts and keyset paging as in global.cypher;
// $sort 'topic' (default), 'score' or 'localReach'. The whole context is collected (a topic's voices,
// not the whole graph) so each row knows its rank among them and their number.
OPTIONAL MATCH (topic:Topic {key: $key})
CALL (topic) {
  MATCH (topic)<-[ts:TOPIC_SCORE]-(a:Account)
  RETURN a, ts
  UNION ALL
  MATCH (:Hashtag {tag: $hashtag})<-[:USED]-(a:Account)
  WHERE a.score IS NOT NULL
  RETURN a, null AS ts
  UNION ALL
  // Only when a specialty is asked for: an empty UNWIND leaves nothing to scan otherwise.
  UNWIND CASE WHEN $specialty IS NULL THEN [] ELSE [$specialty] END AS specialty
  MATCH (a:Account)
  WHERE a.score IS NOT NULL AND specialty IN coalesce(a.specialties, [])
  RETURN a, null AS ts
}
// Each account once, with its score in the topic when it is a voice (collect skips the nulls). Asking
// each hashtag user "not a voice?" instead read every account's scores in every topic (562k db hits
// for #health at 1M).
WITH a, head(collect(ts)) AS ts
WITH a, ts
WHERE ($includeFlagged OR a.spamFlag IS NULL)
  AND ($minScore IS NULL OR coalesce(a.score, 0.0) >= $minScore)
  AND ($community IS NULL OR a.community = $community)
  AND ($role IS NULL OR coalesce(a.roleOverride, a.role) = $role)
  AND ($region IS NULL OR toLower(a.placeRegion) = toLower($region))
  AND ($nearLat IS NULL OR (a.lat IS NOT NULL AND
       point.distance(point({latitude: a.lat, longitude: a.lon}),
                      point({latitude: $nearLat, longitude: $nearLon})) <= $radiusM))
WITH a, ts, CASE $sort
              WHEN 'score' THEN coalesce(a.score, 0.0)
              WHEN 'localReach' THEN coalesce(toFloat(a.localReach), -1.0)
              ELSE coalesce(ts.score, coalesce(a.score, 0.0) - 2.0) END AS k
ORDER BY k DESC, a.id ASC
WITH collect({a: a, ts: ts, k: k}) AS rows
WITH rows, size(rows) AS total,
     [i IN range(0, size(rows) - 1)
      WHERE $afterK IS NULL OR rows[i].k < $afterK OR (rows[i].k = $afterK AND rows[i].a.id > $afterId)][0..$limit]
     AS page
UNWIND page AS i
WITH rows[i] AS r, i + 1 AS rank, total
RETURN r.a.id AS accountId, r.k AS k, rank, total,
       CASE WHEN r.ts IS NULL THEN null ELSE
         {score: r.ts.score, attention: r.ts.attention, mention: r.ts.mention, reply: r.ts.reply,
          repost: r.ts.repost, quote: r.ts.quote, sources: r.ts.sources, localSources: r.ts.localSources}
       END AS topic
ORDER BY rank
