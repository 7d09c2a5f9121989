// Each ranked account's rank and the reasons the influencer ranking shows with it: the $topInteractions
// strongest (source, type, count) of its incoming INTERACTS, by count × the type's weight, ties to the
// lower source id, then in type order. Stored as parallel lists (a property cannot hold maps), so the
// ranking reads three short lists instead of sorting up to ~170k incoming pairs per account.
// A pair's reasons can rank that high only if the pair does by its own strongest one, so only that
// many pairs are unwound and sorted.
UNWIND $rows AS row
MATCH (a:Account {id: row.id})
CALL (a) {
  OPTIONAL MATCH (s:Account)-[r:INTERACTS]->(a)
  WITH s, [r.mention, r.reply, r.repost, r.quote, r.follow] AS counts
  WITH s, [k IN range(0, 4) WHERE coalesce(counts[k], 0) > 0 |
           {k: k, type: ['mention', 'reply', 'repost', 'quote', 'follow'][k], count: counts[k]}] AS ts
  WITH s, [t IN ts | t {.*, w: t.count * $weights[t.type]}] AS ts
  WHERE s IS NOT NULL AND size(ts) > 0
  WITH s, ts, reduce(m = 0.0, t IN ts | CASE WHEN t.w > m THEN t.w ELSE m END) AS best
  ORDER BY best DESC, s.id ASC
  LIMIT $topInteractions
  UNWIND ts AS t
  WITH s, t ORDER BY t.w DESC, s.id ASC, t.k ASC
  LIMIT $topInteractions
  RETURN collect(s.id) AS ids, collect(t.type) AS types, collect(t.count) AS counts
}
SET a.rank = row.rank, a.reasonIds = ids, a.reasonTypes = types, a.reasonCounts = counts
