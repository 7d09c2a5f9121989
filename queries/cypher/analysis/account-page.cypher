// One range of accounts ($from inclusive, $to exclusive or open) with their outgoing interactions,
// each already weighted by type ($weights), and their hashtag use: everything analysis needs about an
// account, read once. The range is an index seek on the account id.
MATCH (a:Account)
WHERE a.id >= $from AND ($to IS NULL OR a.id < $to)
RETURN a.id AS id, a.handle AS handle, a.name AS name, a.bio AS bio, a.location AS location,
       a.community AS previous,
       COLLECT {
         MATCH (a)-[r:INTERACTS]->(b:Account) WHERE b <> a
         RETURN [b.id, coalesce(r.mention, 0) * $weights.mention + coalesce(r.reply, 0) * $weights.reply +
                       coalesce(r.repost, 0) * $weights.repost + coalesce(r.quote, 0) * $weights.quote +
                       coalesce(r.follow, 0) * $weights.follow]
       } AS out,
       COLLECT { MATCH (a)-[u:USED]->(h:Hashtag) RETURN [h.tag, coalesce(u.count, 1)] } AS tags
