// The account with the most incoming interactions (the bench's fallback when nothing is scored yet).
MATCH (a:Account)
RETURN a.id AS id, COUNT { (a)<-[:INTERACTS]-() } AS degree
ORDER BY degree DESC
LIMIT 1
