// Post → account :MENTIONS relationships the loader found missing in this transaction (existing-mentions).
UNWIND $rows AS e
MATCH (x:Post {id: e.post})
MATCH (b:Account {id: e.target})
CREATE (x)-[:MENTIONS {weight: e.weight}]->(b)
