// The heaviest interactions among the given accounts (one of the *-accounts reads), at most $maxEdges:
// each account's outgoing INTERACTS only, so the read is bounded by the accounts asked for.
UNWIND $ids AS id
MATCH (x:Account {id: id})-[r:INTERACTS]->(y:Account)
WHERE y.id IN $ids AND y <> x
WITH x, y, r ORDER BY r.total DESC LIMIT $maxEdges
RETURN x.id AS source, y.id AS target, r.total AS weight, coalesce(r.mention, 0) AS mention,
       coalesce(r.reply, 0) AS reply, coalesce(r.repost, 0) AS repost, coalesce(r.quote, 0) AS quote,
       coalesce(r.follow, 0) AS follow
