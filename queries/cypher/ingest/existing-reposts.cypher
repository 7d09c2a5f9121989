// Which post → account :REPOSTS relationships of the batch exist already (counted when they were created).
UNWIND $rows AS e
MATCH (:Post {id: e.post})-[:REPOSTS]->(:Account {id: e.target})
RETURN e.i AS i
