// Our accounts named by handle (folded, without '@'), found through the handle index.
UNWIND $handles AS h
MATCH (a:Account {handleLower: h})
RETURN a.id AS id
LIMIT 1000
