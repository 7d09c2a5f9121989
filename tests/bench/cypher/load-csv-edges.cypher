// Benchmark peer (tests/bench/ingest.bench.ts): Neo4j's own CSV loader reading the same edges.csv into
// the same model (post, author, hashtags, the interaction, USED and INTERACTS summaries) with MERGE,
// 10,000 rows a transaction. It skips what Carecircle's ingest adds: validation, rejects, Unicode
// normalisation and the exactly-once accounting of the summaries on a rerun.
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MERGE (a:Account {id: 'csv:' + row.source})
  MERGE (b:Account {id: 'csv:' + row.target})
  MERGE (a)-[i:INTERACTS]->(b)
  // Every per-type count, as ingest keeps them: the analysis weighs these, not the total.
  SET i.mention = coalesce(i.mention, 0) + CASE row.type WHEN 'mention' THEN 1 ELSE 0 END,
      i.reply = coalesce(i.reply, 0) + CASE row.type WHEN 'reply' THEN 1 ELSE 0 END,
      i.repost = coalesce(i.repost, 0) + CASE row.type WHEN 'repost' THEN 1 ELSE 0 END,
      i.quote = coalesce(i.quote, 0) + CASE row.type WHEN 'quote' THEN 1 ELSE 0 END,
      i.follow = coalesce(i.follow, 0) + CASE row.type WHEN 'follow' THEN 1 ELSE 0 END,
      i.total = coalesce(i.total, 0) + 1
  FOREACH (_ IN CASE row.type WHEN 'follow' THEN [1] ELSE [] END | MERGE (a)-[:FOLLOWS]->(b))
  WITH row, a, b
  WHERE row.post_id IS NOT NULL AND row.type <> 'follow'
  MERGE (x:Post {id: 'csv:' + row.post_id})
    ON CREATE SET x.platform = 'csv', x.createdAt = row.timestamp
  MERGE (a)-[:POSTED]->(x)
  FOREACH (_ IN CASE row.type WHEN 'mention' THEN [1] ELSE [] END | CREATE (x)-[:MENTIONS {weight: 1}]->(b))
  FOREACH (_ IN CASE row.type WHEN 'reply' THEN [1] ELSE [] END | CREATE (x)-[:REPLIES_TO {weight: 1}]->(b))
  FOREACH (_ IN CASE row.type WHEN 'repost' THEN [1] ELSE [] END | CREATE (x)-[:REPOSTS {weight: 1}]->(b))
  FOREACH (_ IN CASE row.type WHEN 'quote' THEN [1] ELSE [] END | CREATE (x)-[:QUOTES {weight: 1}]->(b))
  FOREACH (tag IN [t IN split(coalesce(row.hashtags, ''), ' ') WHERE t <> '' | toLower(substring(t, 1))] |
    MERGE (h:Hashtag {tag: tag})
    MERGE (x)-[:TAGGED]->(h)
    MERGE (a)-[u:USED]->(h)
    SET u.count = coalesce(u.count, 0) + 1)
} IN TRANSACTIONS OF 10000 ROWS
