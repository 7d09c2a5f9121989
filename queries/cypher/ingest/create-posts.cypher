// Posts the loader found missing in this transaction (existing-posts), with their author, hashtags
// and interactions. None of their relationships can exist yet, so they are created without a check;
// the hashtags and target accounts were merged earlier in the same transaction.
UNWIND $posts AS p
MATCH (a:Account {id: p.author})
CREATE (a)-[:POSTED]->(x:Post {id: p.id, platform: p.platform, createdAt: p.createdAt, text: p.text, lang: p.lang, url: p.url})
WITH x, p
CALL (x, p) {
  UNWIND p.tags AS tag
  MATCH (h:Hashtag {tag: tag})
  CREATE (x)-[:TAGGED]->(h)
}
CALL (x, p) {
  UNWIND p.mention AS e
  MATCH (b:Account {id: e.target})
  CREATE (x)-[:MENTIONS {weight: e.weight}]->(b)
}
CALL (x, p) {
  UNWIND p.reply AS e
  MATCH (b:Account {id: e.target})
  CREATE (x)-[:REPLIES_TO {weight: e.weight}]->(b)
}
CALL (x, p) {
  UNWIND p.repost AS e
  MATCH (b:Account {id: e.target})
  CREATE (x)-[:REPOSTS {weight: e.weight}]->(b)
}
CALL (x, p) {
  UNWIND p.quote AS e
  MATCH (b:Account {id: e.target})
  CREATE (x)-[:QUOTES {weight: e.weight}]->(b)
}
