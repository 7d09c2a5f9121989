// Each community's score for the aggregated view: its best member's (topAccounts is best first).
MATCH (c:Community)
OPTIONAL MATCH (a:Account {id: c.topAccounts[0]})
SET c.score = a.score
