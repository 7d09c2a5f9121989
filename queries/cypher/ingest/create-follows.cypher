// Account → account :FOLLOWS relationships the loader found missing in this transaction.
UNWIND $rows AS e
MATCH (a:Account {id: e.source})
MATCH (b:Account {id: e.target})
CREATE (a)-[:FOLLOWS]->(b)
