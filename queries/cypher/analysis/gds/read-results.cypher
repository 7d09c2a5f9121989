// What GDS wrote, for one range of accounts ($first to $last, both included), as three
// parallel lists so the rest of the run (stable ids, scores, community rows) can use it.
MATCH (a:Account)
WHERE a.id >= $first AND a.id <= $last
RETURN collect(a.id) AS ids, collect(coalesce(a.community, -1)) AS communities,
       collect(coalesce(a.pagerank, 0.0)) AS pageranks
