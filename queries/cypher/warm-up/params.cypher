// What the read warm-up (queries/warm-up.ts) asks for: the most used hashtag, the largest community,
// and a specialty and place of the best-ranked accounts, each read from a bounded top of its index
// or label, so the warm-up's requests look like the ones people make first.
CALL () {
  MATCH (h:Hashtag) WHERE h.posts IS NOT NULL
  RETURN h.tag AS tag ORDER BY h.posts DESC LIMIT 1
}
CALL () {
  MATCH (c:Community) WHERE c.size IS NOT NULL
  RETURN c.id AS community ORDER BY c.size DESC LIMIT 1
}
CALL () {
  MATCH (a:Account) WHERE a.score IS NOT NULL
  WITH a ORDER BY a.score DESC LIMIT 200
  RETURN head(collect(a.id)) AS account,
         head([x IN collect(a) WHERE size(coalesce(x.specialties, [])) > 0 | x.specialties[0]]) AS specialty,
         head([x IN collect(a) WHERE x.placeName IS NOT NULL AND x.placeRegion IS NOT NULL
               | x.placeName + ', ' + x.placeRegion]) AS place
}
RETURN tag, community, account, specialty, place
