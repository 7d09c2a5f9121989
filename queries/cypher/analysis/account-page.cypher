// One range of accounts ($first to $last, both included) with their outgoing interactions,
// each already weighted by type ($weights), and their hashtag use: everything analysis needs about an
// account, read once. The range is an index seek on the account id.
// Targets come as internal node ids, sent as floats: their `id` property would cost Neo4j a node and
// property read per relationship and Node a string decode, and an integer would arrive as a driver
// Integer object; together about 40% of the read at a million pairs. Node ids fit a double exactly,
// and they are only matched against this run's own reads (projection.ts), never stored. INTERACTS only
// ever joins two accounts (ingest/load.ts), so the target's label is not checked again.
MATCH (a:Account)
WHERE a.id >= $first AND a.id <= $last
RETURN toFloat(id(a)) AS node, a.id AS id, a.handle AS handle, a.name AS name, a.bio AS bio, a.location AS location,
       a.community AS previous,
       COLLECT {
         MATCH (a)-[r:INTERACTS]->(b) WHERE b <> a
         RETURN [toFloat(id(b)), coalesce(r.mention, 0) * $weights.mention + coalesce(r.reply, 0) * $weights.reply +
                       coalesce(r.repost, 0) * $weights.repost + coalesce(r.quote, 0) * $weights.quote +
                       coalesce(r.follow, 0) * $weights.follow]
       } AS out,
       COLLECT { MATCH (a)-[u:USED]->(h:Hashtag) RETURN [h.tag, coalesce(u.count, 1)] } AS tags
