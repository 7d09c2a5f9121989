// Accounts analysis has not scored yet (loaded since), most followed first, to fill the view up to
// the cap; a graph that was never analysed is drawn from these alone.
MATCH (a:Account)
WHERE a.score IS NULL
WITH a ORDER BY a.followers DESC, a.id
LIMIT $cap
OPTIONAL MATCH (rel:Relationship {accountId: a.id})
RETURN a.id AS id, coalesce(a.handle, a.id) AS label, a.community AS community, a.score AS score,
       rel.stage AS stage, 1 AS size, a.x AS x, a.y AS y, coalesce(a.roleOverride, a.role) AS role,
       a.placeRegion AS region, a.placeCountry AS country, a.followers AS followers
