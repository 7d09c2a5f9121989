MATCH (a:Account {id: $accountId})
RETURN a.id AS id
