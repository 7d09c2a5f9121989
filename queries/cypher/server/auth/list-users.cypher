MATCH (u:User)
RETURN u.name AS name, u.role AS role, u.createdAt AS createdAt
ORDER BY u.name
