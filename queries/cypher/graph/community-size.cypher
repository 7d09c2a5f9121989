// How many accounts one community holds, as analysis stored it (one index seek).
OPTIONAL MATCH (c:Community {id: $community})
RETURN coalesce(c.size, 0) AS accounts
