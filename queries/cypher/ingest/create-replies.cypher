// Post → account :REPLIES_TO relationships the loader found missing in this transaction (existing-replies).
UNWIND $rows AS e
MATCH (x:Post {id: e.post})
MATCH (b:Account {id: e.target})
CREATE (x)-[:REPLIES_TO {weight: e.weight}]->(b)
