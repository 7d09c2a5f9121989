// Is there any social data yet? (the demo loads its data set only into an empty graph)
MATCH (a:Account) RETURN count(a) > 0 AS present
