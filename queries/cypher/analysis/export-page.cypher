// One page of accounts (id order) with their analysis results and outgoing interactions, for export.
MATCH (a:Account)
WHERE a.id > $after
WITH a ORDER BY a.id ASC LIMIT $pageSize
RETURN a.id AS id, a.handle AS handle, a.community AS community, a.score AS score,
       a.pagerank AS pagerank, a.inWeight AS inWeight, a.communityShare AS communityShare,
       a.bridge AS bridge, coalesce(a.roleOverride, a.role) AS role, a.placeName AS placeName,
       a.placeRegion AS placeRegion, a.placeCountry AS placeCountry, a.lat AS lat, a.lon AS lon,
       a.location AS location, a.followers AS followers, a.specialties AS specialties,
       a.x AS x, a.y AS y,
       COLLECT {
         MATCH (a)-[r:INTERACTS]->(b:Account) WHERE b <> a
         RETURN [b.id, coalesce(r.mention, 0), coalesce(r.reply, 0), coalesce(r.repost, 0),
                 coalesce(r.quote, 0), coalesce(r.follow, 0)]
       } AS out
