// Coordinates of the accounts in one topic computed on request (for its "local" counts).
UNWIND $ids AS id
MATCH (a:Account {id: id})
WHERE a.lat IS NOT NULL AND a.lon IS NOT NULL
RETURN a.id AS id, a.lat AS lat, a.lon AS lon
