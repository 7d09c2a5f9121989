// Derived account properties from one analysis run, one batch of rows. roleOverride is never touched.
UNWIND $rows AS r
MATCH (a:Account {id: r.id})
SET a.community = toInteger(r.community),
    a.pagerank = r.pagerank,
    a.inWeight = r.inWeight,
    a.communityShare = r.communityShare,
    a.bridge = r.bridge,
    a.score = r.score,
    a.placeName = r.placeName,
    a.placeRegion = r.placeRegion,
    a.placeCountry = r.placeCountry,
    a.lat = r.lat,
    a.lon = r.lon,
    a.specialties = r.specialties,
    a.role = r.role
