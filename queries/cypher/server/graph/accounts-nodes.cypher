// Up to $cap accounts (of one community, or all), highest score first, with their outreach stage.
// Their interactions come from accounts-edges, given these ids: carrying the member list through the
// edge rows made Neo4j account the list once per row and exhaust the transaction memory pool.
MATCH (a:Account)
WHERE $community IS NULL OR a.community = $community
WITH a ORDER BY a.score DESC, a.followers DESC, a.id LIMIT $cap
OPTIONAL MATCH (rel:Relationship {accountId: a.id})
RETURN a.id AS id, coalesce(a.handle, a.id) AS label, a.community AS community, a.score AS score,
       rel.stage AS stage, 1 AS size
