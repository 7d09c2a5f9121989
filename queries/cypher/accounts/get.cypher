// One account's profile, scores and rank, community, top hashtags, recent posts, interaction totals
// and outreach state, in one statement (one round trip: the account page is the busiest read). The
// rank is the one analysis stored (counting the accounts scored higher read up to every account).
MATCH (a:Account {id: $id})
OPTIONAL MATCH (c:Community {id: a.community})
CALL (a) {
  OPTIONAL MATCH (a)-[u:USED]->(h:Hashtag)
  WITH h, u ORDER BY u.count DESC, h.tag LIMIT 10
  RETURN collect(CASE WHEN h IS NOT NULL THEN {tag: h.tag, count: u.count} END) AS hashtags
}
CALL (a) {
  OPTIONAL MATCH (a)-[:POSTED]->(p:Post)
  WITH p ORDER BY p.createdAt DESC LIMIT $posts
  OPTIONAL MATCH (p)-[:TAGGED]->(t:Hashtag)
  WITH p, collect(t.tag) AS tags ORDER BY p.createdAt DESC
  RETURN collect(CASE WHEN p IS NOT NULL
    THEN {id: p.id, createdAt: p.createdAt, text: p.text, url: p.url, hashtags: tags} END) AS posts
}
CALL (a) {
  OPTIONAL MATCH (a)<-[i:INTERACTS]-()
  RETURN count(i) AS inAccounts, coalesce(sum(i.total), 0) AS inTotal
}
CALL (a) {
  OPTIONAL MATCH (a)-[o:INTERACTS]->()
  RETURN count(o) AS outAccounts, coalesce(sum(o.total), 0) AS outTotal
}
OPTIONAL MATCH (rel:Relationship {accountId: a.id})
CALL (a) {
  OPTIONAL MATCH (k:Contact {accountId: a.id})
  RETURN count(k) AS contacts
}
RETURN a {.id, .platform, .handle, .name, .bio, .location, .followers, .following, .verified, .url,
          .community, .pagerank, .inWeight, .communityShare, .bridge, .score, .placeName, .placeRegion,
          .placeCountry, .lat, .lon, .specialties, .role, .roleOverride, .localReach, .spamFlag} AS account,
       c {.id, .label, .size} AS community,
       hashtags, posts, inAccounts, inTotal, outAccounts, outTotal, a.rank AS rank, contacts,
       rel {.accountId, .stage, .owner, .nextStep, .dueDate, .updatedAt, .updatedBy} AS relationship
