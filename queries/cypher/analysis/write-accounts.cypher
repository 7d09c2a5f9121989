// Derived account properties from one analysis run, one batch sent column by column: row i is
// ($id[i], $community[i], …). roleOverride is never touched.
UNWIND range(0, size($id) - 1) AS i
MATCH (a:Account {id: $id[i]})
SET a.community = toInteger($community[i]),
    a.pagerank = $pagerank[i],
    a.inWeight = $inWeight[i],
    a.communityShare = $communityShare[i],
    a.bridge = $bridge[i],
    a.score = $score[i],
    a.placeName = $placeName[i],
    a.placeRegion = $placeRegion[i],
    a.placeCountry = $placeCountry[i],
    a.lat = $lat[i],
    a.lon = $lon[i],
    a.specialties = $specialties[i],
    a.role = $role[i],
    a.x = $x[i],
    a.y = $y[i]
