// Which post → account :REPLIES_TO relationships of the batch exist already (counted when they were created).
UNWIND $rows AS e
MATCH (:Post {id: e.post})-[:REPLIES_TO]->(:Account {id: e.target})
RETURN e.i AS i
