// Up to $cap scored accounts, highest score first, read in the account_score index's order (never a
// sort of every account), with their outreach stage.
MATCH (a:Account)
WHERE a.score IS NOT NULL
WITH a ORDER BY a.score DESC, a.followers DESC, a.id
LIMIT $cap
OPTIONAL MATCH (rel:Relationship {accountId: a.id})
RETURN a.id AS id, coalesce(a.handle, a.id) AS label, a.community AS community, a.score AS score,
       rel.stage AS stage, 1 AS size, a.x AS x, a.y AS y, coalesce(a.roleOverride, a.role) AS role,
       a.placeRegion AS region, a.placeCountry AS country, a.followers AS followers
