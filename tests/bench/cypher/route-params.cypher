// Values for the bench's requests, read apart from the routes' own statements so that measuring a
// route's first request finds its plan and the server's cache cold: the largest community, the most
// used hashtag, a specialty and region that the best-ranked accounts have, the specialty and place of
// the best-ranked account that has both (the ranking in context), and the oldest post's time (the
// time-window routes ask for the first quarter of data, as the README's example does).
CALL () {
  MATCH (c:Community) WHERE c.size IS NOT NULL
  RETURN c.id AS community ORDER BY c.size DESC LIMIT 1
}
CALL () {
  MATCH (h:Hashtag) WHERE h.posts IS NOT NULL
  RETURN h.tag AS tag ORDER BY h.posts DESC LIMIT 1
}
CALL () {
  MATCH (a:Account) WHERE a.score IS NOT NULL AND size(coalesce(a.specialties, [])) > 0
  WITH a ORDER BY a.score DESC LIMIT 1
  RETURN a.specialties[0] AS specialty
}
CALL () {
  MATCH (a:Account) WHERE a.score IS NOT NULL AND a.placeRegion IS NOT NULL
  WITH a ORDER BY a.score DESC LIMIT 1
  RETURN a.placeRegion AS region, a.placeName AS place
}
CALL () {
  MATCH (a:Account)
  WHERE a.score IS NOT NULL AND a.placeName IS NOT NULL AND a.placeRegion IS NOT NULL
    AND size(coalesce(a.specialties, [])) > 0
  WITH a ORDER BY a.score DESC LIMIT 1
  RETURN a.specialties[0] AS contextSpecialty, a.placeName + ', ' + a.placeRegion AS contextPlace
}
CALL () {
  MATCH (p:Post) WHERE p.createdAt IS NOT NULL
  RETURN p.createdAt AS earliest ORDER BY p.createdAt ASC LIMIT 1
}
RETURN community, tag, specialty, region, place, contextSpecialty, contextPlace, earliest
