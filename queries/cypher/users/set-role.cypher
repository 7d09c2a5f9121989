MATCH (u:User {name: $name})
SET u.role = $role, u.updatedAt = $now
RETURN u.name AS name, u.role AS role, coalesce(u.disabled, false) AS disabled, u.createdAt AS createdAt
