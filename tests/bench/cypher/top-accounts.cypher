// The best-ranked accounts' ids: the bench's rotating set of account pages.
MATCH (a:Account)
WHERE a.score IS NOT NULL
RETURN a.id AS id
ORDER BY a.score DESC, a.id
LIMIT $limit
