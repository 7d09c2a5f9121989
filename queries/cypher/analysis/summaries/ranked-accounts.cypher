// Every account with a score, best first (the ranking's order), for its rank and stored reasons.
MATCH (a:Account)
WHERE a.score IS NOT NULL
RETURN a.id AS id, a.score AS score
ORDER BY a.score DESC, a.id ASC
