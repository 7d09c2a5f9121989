// Post → account :QUOTES relationships the loader found missing in this transaction (existing-quotes).
UNWIND $rows AS e
MATCH (x:Post {id: e.post})
MATCH (b:Account {id: e.target})
CREATE (x)-[:QUOTES {weight: e.weight}]->(b)
