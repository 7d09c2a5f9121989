MATCH (u:User)
RETURN u.name AS name, u.role AS role, coalesce(u.disabled, false) AS disabled, u.createdAt AS createdAt
ORDER BY u.name
LIMIT $limit
