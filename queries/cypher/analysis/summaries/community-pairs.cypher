// Interaction weight between each ordered pair of communities (batch work: reads every INTERACTS once;
// only the per-pair sums are held, a few thousand rows whatever the number of interactions).
MATCH (x:Account)-[r:INTERACTS]->(y:Account)
WHERE x.community IS NOT NULL AND y.community IS NOT NULL AND x.community <> y.community
RETURN x.community AS source, y.community AS target, sum(coalesce(r.total, 0)) AS weight
