// export-page.cypher for a time window: the same page of accounts (id order), each with its outgoing
// interactions counted from its posts created in [$from, $to) with a type in $types (follows have no
// time, so none), and `active`: whether it sent or received one of them. The whole page is returned
// so paging goes on by id; the export leaves the inactive accounts out.
MATCH (a:Account)
WHERE a.id > $after
WITH a ORDER BY a.id ASC LIMIT $pageSize
WITH a, COLLECT {
  MATCH (a)-[:POSTED]->(p:Post)-[r:MENTIONS|REPLIES_TO|REPOSTS|QUOTES]->(b:Account)
  WHERE b <> a AND p.createdAt >= $from AND p.createdAt < $to AND type(r) IN $types
  WITH b, type(r) AS t, coalesce(r.weight, 1) AS w
  WITH b, sum(CASE t WHEN 'MENTIONS' THEN w ELSE 0 END) AS mention,
       sum(CASE t WHEN 'REPLIES_TO' THEN w ELSE 0 END) AS reply,
       sum(CASE t WHEN 'REPOSTS' THEN w ELSE 0 END) AS repost,
       sum(CASE t WHEN 'QUOTES' THEN w ELSE 0 END) AS quote
  RETURN [b.id, mention, reply, repost, quote, 0]
} AS out
RETURN a.id AS id, a.handle AS handle, a.community AS community, a.score AS score,
       a.pagerank AS pagerank, a.inWeight AS inWeight, a.communityShare AS communityShare,
       a.bridge AS bridge, coalesce(a.roleOverride, a.role) AS role, a.placeName AS placeName,
       a.placeRegion AS placeRegion, a.placeCountry AS placeCountry, a.lat AS lat, a.lon AS lon,
       a.location AS location, a.followers AS followers, a.specialties AS specialties,
       a.x AS x, a.y AS y, out,
       size(out) > 0 OR EXISTS {
         MATCH (a)<-[r:MENTIONS|REPLIES_TO|REPOSTS|QUOTES]-(p:Post)<-[:POSTED]-(s:Account)
         WHERE s <> a AND p.createdAt >= $from AND p.createdAt < $to AND type(r) IN $types
       } AS active
