MERGE (u:User {name: $name})
ON CREATE SET u.createdAt = $now
SET u.role = $role, u.passwordHash = $passwordHash, u.updatedAt = $now
RETURN u.name AS name, u.role AS role, u.createdAt AS createdAt
