// Which post → account :MENTIONS relationships of the batch exist already (counted when they were created).
UNWIND $rows AS e
MATCH (:Post {id: e.post})-[:MENTIONS]->(:Account {id: e.target})
RETURN e.i AS i
