// Which account → account :FOLLOWS relationships of the batch exist already.
UNWIND $rows AS e
MATCH (:Account {id: e.source})-[:FOLLOWS]->(:Account {id: e.target})
RETURN e.i AS i
