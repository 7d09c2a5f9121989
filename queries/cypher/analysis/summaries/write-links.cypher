// The weight between two communities (summed INTERACTS totals from members of one to members of the other).
UNWIND $rows AS r
MATCH (a:Community {id: toInteger(r.source)})
MATCH (b:Community {id: toInteger(r.target)})
CREATE (a)-[:LINKS {weight: r.weight}]->(b)
