// Post → account :REPOSTS relationships the loader found missing in this transaction (existing-reposts).
UNWIND $rows AS e
MATCH (x:Post {id: e.post})
MATCH (b:Account {id: e.target})
CREATE (x)-[:REPOSTS {weight: e.weight}]->(b)
