// Benchmark peer (tests/bench/ingest.bench.ts): Neo4j's own LOAD CSV loading the same accounts.csv
// into the same model, without validation, rejects or newest-wins merging.
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MERGE (a:Account {id: 'csv:' + row.id})
  SET a.platform = 'csv', a.handle = row.handle, a.handleLower = toLower(row.handle), a.name = row.name,
      a.bio = row.bio, a.location = row.location, a.followers = toInteger(row.followers),
      a.following = toInteger(row.following), a.verified = row.verified = 'true', a.url = row.url
} IN TRANSACTIONS OF 10000 ROWS
