// Accounts known so far only as an author or a target: the bare node, whatever is stored is kept.
UNWIND $accounts AS a
MERGE (x:Account {id: a.id})
  ON CREATE SET x.platform = a.platform
