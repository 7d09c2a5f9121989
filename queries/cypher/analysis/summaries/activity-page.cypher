// One range of accounts ($first to $last, an index seek on the id) with the interactions their posts
// made: [target id, day (UTC, from the ISO createdAt), relationship type, weight], as the windowed
// graph reads count them (queries/cypher/graph/window-communities.cypher).
MATCH (a:Account)
WHERE a.id >= $first AND a.id <= $last
RETURN a.id AS id,
       COLLECT {
         MATCH (a)-[:POSTED]->(p:Post)-[r:MENTIONS|REPLIES_TO|REPOSTS|QUOTES]->(b:Account)
         WHERE b <> a AND p.createdAt IS NOT NULL
         RETURN [b.id, left(p.createdAt, 10), type(r), coalesce(r.weight, 1)]
       } AS acts
