// The given communities as super-nodes (what analysis stored), for the aggregated view of a window.
UNWIND $ids AS id
MATCH (c:Community {id: id})
RETURN c.id AS community, coalesce(c.label, 'community ' + toString(c.id)) AS label, c.score AS score,
       c.size AS size
