// The $cap largest communities as super-nodes, read from what analysis stored (the community_size
// index gives them in order). Their links come from community-links, given these ids.
MATCH (c:Community)
WHERE c.size IS NOT NULL
WITH c ORDER BY c.size DESC, c.id ASC
LIMIT $cap
RETURN c.id AS community, coalesce(c.label, 'community ' + toString(c.id)) AS label, c.score AS score,
       c.size AS size, c.x AS x, c.y AS y
